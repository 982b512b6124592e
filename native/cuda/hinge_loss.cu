// CUDA twin of native/cpu/hinge_loss.cpp, the hinge-loss pieces (spec 3) over n discriminator
// scores: the loss is one block's fixed-order double sum (strided per thread, then the block's
// shuffle tree, reduce.cuh), so it is the same on every run; the backward is elementwise. The
// per-score terms and derivatives come from ag/hinge_math.h, as on the CPU.
#include "ag/hinge_loss_args.h"
#include "common.cuh"
#include "reduce.cuh"
#include "vector_loop.cuh"

#include "ag/hinge_math.h"

using ag::cuda::aligned16;
using ag::cuda::elementGrid;
using ag::cuda::forEachElement;
using ag::cuda::load4;
using ag::cuda::map4;
using ag::cuda::store4;

namespace {

// x (n) -> loss (1) = sum of terms / n; launched as one block of kThreads
__global__ void hingeForwardKernel(const float *x, float *loss, int n, int kind) {
    double sum = 0.0;
    for (int i = threadIdx.x; i < n; i += blockDim.x) sum += (double)ag_hinge_term(x[i], kind);
    __shared__ double shared[ag::cuda::kWarp];
    sum = ag::cuda::blockReduce(sum, ag::cuda::SumMerge{}, 0.0, shared);
    if (threadIdx.x == 0) *loss = (float)(sum / n);
}

// x (n) -> dx (n)
__global__ void hingeBackwardKernel(const float *x, float *dx, int n, int kind, float invN, bool vector) {
    auto f = [kind, invN](float xi) { return ag_hinge_grad(xi, kind, invN); };
    forEachElement(
        n, vector, [&](int64_t q) { store4(dx, q, map4(f, load4(x, q))); }, [&](int64_t i) { dx[i] = f(x[i]); });
}

}  // namespace

extern "C" ag_status ag_cuda_hinge_loss_forward(const float *x, float *loss, int n, int kind) {
    AG_CHECK(ag_hinge_loss_forward_check(x, loss, n, kind));
    AG_CUDA_REQUIRE_CONTEXT();
    hingeForwardKernel<<<1, ag::cuda::kThreads, 0, ag::cuda::context().stream>>>(x, loss, n, kind);
    AG_CUDA_LAUNCH_CHECK();
    return AG_OK;
}

extern "C" ag_status ag_cuda_hinge_loss_backward(const float *x, float *dx, int n, int kind) {
    AG_CHECK(ag_hinge_loss_backward_check(x, dx, n, kind));
    AG_CUDA_REQUIRE_CONTEXT();
    const float invN = 1.0f / (float)n;
    const bool vector = aligned16(x, dx);
    hingeBackwardKernel<<<elementGrid(n, vector), ag::cuda::kThreads, 0, ag::cuda::context().stream>>>(x, dx, n, kind,
                                                                                                       invN, vector);
    AG_CUDA_LAUNCH_CHECK();
    return AG_OK;
}
