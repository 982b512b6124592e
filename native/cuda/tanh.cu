// CUDA twin of native/cpu/tanh.cpp: tanh forward and backward (the generator's output layer) as
// float4 grid-stride loops. The backward reads the forward's output y: dx = dy * (1 - y^2).
// In-place use (y = x, dx = dy) is allowed, since each thread reads its elements before writing.
#include "ag/tanh_args.h"
#include "common.cuh"
#include "vector_loop.cuh"

using ag::cuda::aligned16;
using ag::cuda::elementGrid;
using ag::cuda::forEachElement;
using ag::cuda::load4;
using ag::cuda::map4;
using ag::cuda::store4;

namespace {

// x (n) -> y (n) = tanh(x)
__global__ void tanhForwardKernel(float *y, const float *x, int64_t n, bool vector) {
    auto f = [](float xi) { return tanhf(xi); };
    forEachElement(
        n, vector, [&](int64_t q) { store4(y, q, map4(f, load4(x, q))); }, [&](int64_t i) { y[i] = f(x[i]); });
}

// dy (n), y (n) -> dx (n) = dy * (1 - y * y)
__global__ void tanhBackwardKernel(float *dx, const float *dy, const float *y, int64_t n, bool vector) {
    auto f = [](float dyi, float yi) { return dyi * (1.0f - yi * yi); };
    forEachElement(
        n, vector, [&](int64_t q) { store4(dx, q, map4(f, load4(dy, q), load4(y, q))); },
        [&](int64_t i) { dx[i] = f(dy[i], y[i]); });
}

}  // namespace

extern "C" ag_status ag_cuda_tanh_forward(float *y, const float *x, int64_t n) {
    AG_CHECK(ag_tanh_forward_check(y, x, n));
    AG_CUDA_REQUIRE_CONTEXT();
    const bool vector = aligned16(y, x);
    tanhForwardKernel<<<elementGrid(n, vector), ag::cuda::kThreads, 0, ag::cuda::context().stream>>>(y, x, n, vector);
    AG_CUDA_LAUNCH_CHECK();
    return AG_OK;
}

extern "C" ag_status ag_cuda_tanh_backward(float *dx, const float *dy, const float *y, int64_t n) {
    AG_CHECK(ag_tanh_backward_check(dx, dy, y, n));
    AG_CUDA_REQUIRE_CONTEXT();
    const bool vector = aligned16(dx, dy, y);
    tanhBackwardKernel<<<elementGrid(n, vector), ag::cuda::kThreads, 0, ag::cuda::context().stream>>>(dx, dy, y, n,
                                                                                                      vector);
    AG_CUDA_LAUNCH_CHECK();
    return AG_OK;
}
