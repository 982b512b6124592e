// CUDA twin of native/cpu/relu.cpp: ReLU forward and backward as float4 grid-stride loops. The
// backward reads the forward's output y (y > 0 exactly where x > 0); in-place use (y = x, dx = dy)
// is allowed, since each thread reads its elements before writing them.
#include "ag/relu_args.h"
#include "common.cuh"
#include "vector_loop.cuh"

using ag::cuda::aligned16;
using ag::cuda::elementGrid;
using ag::cuda::forEachElement;
using ag::cuda::load4;
using ag::cuda::map4;
using ag::cuda::store4;

namespace {

// x (n) -> y (n) = max(x, 0), NaN kept as PyTorch does
__global__ void reluForwardKernel(float *y, const float *x, int64_t n, bool vector) {
    auto f = [](float xi) { return xi < 0.0f ? 0.0f : xi; };
    forEachElement(
        n, vector, [&](int64_t q) { store4(y, q, map4(f, load4(x, q))); }, [&](int64_t i) { y[i] = f(x[i]); });
}

// dy (n), y (n) -> dx (n) = y > 0 ? dy : 0
__global__ void reluBackwardKernel(float *dx, const float *dy, const float *y, int64_t n, bool vector) {
    auto f = [](float dyi, float yi) { return yi <= 0.0f ? 0.0f : dyi; };
    forEachElement(
        n, vector, [&](int64_t q) { store4(dx, q, map4(f, load4(dy, q), load4(y, q))); },
        [&](int64_t i) { dx[i] = f(dy[i], y[i]); });
}

}  // namespace

extern "C" ag_status ag_cuda_relu_forward(float *y, const float *x, int64_t n) {
    AG_CHECK(ag_relu_forward_check(y, x, n));
    AG_CUDA_REQUIRE_CONTEXT();
    const bool vector = aligned16(y, x);
    reluForwardKernel<<<elementGrid(n, vector), ag::cuda::kThreads, 0, ag::cuda::context().stream>>>(y, x, n, vector);
    AG_CUDA_LAUNCH_CHECK();
    return AG_OK;
}

extern "C" ag_status ag_cuda_relu_backward(float *dx, const float *dy, const float *y, int64_t n) {
    AG_CHECK(ag_relu_backward_check(dx, dy, y, n));
    AG_CUDA_REQUIRE_CONTEXT();
    const bool vector = aligned16(dx, dy, y);
    reluBackwardKernel<<<elementGrid(n, vector), ag::cuda::kThreads, 0, ag::cuda::context().stream>>>(dx, dy, y, n,
                                                                                                      vector);
    AG_CUDA_LAUNCH_CHECK();
    return AG_OK;
}
