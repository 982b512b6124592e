// CUDA twin of native/cpu/max_pool2d.cpp, F.max_pool2d in floor mode (InceptionV3's 3x3 stride-2
// reductions): one thread per output over a grid-stride loop, each reading its window through the
// same pool_window.h function as the CPU twin, so the two agree bit for bit.
#include "ag/max_pool2d_args.h"
#include "ag/pool_window.h"
#include "common.cuh"
#include "vector_loop.cuh"

using ag::cuda::forEachIndex;
using ag::cuda::gridSize;
using ag::cuda::quotient;

namespace {

// x (planes,h,w) -> y (planes,p,q); outputs = planes*p*q
__global__ void maxPoolForwardKernel(const float *x, float *y, int64_t outputs, int h, int w, int p, int q,
                                     int kernel, int stride, int pad) {
    forEachIndex(outputs, [&](int64_t o) {
        const int64_t row = quotient(o, q), plane = quotient(row, p);
        const int i = (int)(row - plane * p), j = (int)(o - row * q);
        y[o] = ag_pool_window_max(x + plane * h * w, h, w, i, j, kernel, stride, pad);
    });
}

}  // namespace

extern "C" ag_status ag_cuda_max_pool2d_forward(const float *x, float *y, int n, int c, int h, int w, int kernel,
                                                int stride, int pad) {
    AG_CHECK(ag_max_pool2d_forward_check(x, y, n, c, h, w, kernel, stride, pad));
    AG_CUDA_REQUIRE_CONTEXT();
    const int p = ag_pool_out_size(h, kernel, stride, pad), q = ag_pool_out_size(w, kernel, stride, pad);
    const int64_t outputs = (int64_t)n * c * p * q;
    maxPoolForwardKernel<<<gridSize(outputs), ag::cuda::kThreads, 0, ag::cuda::context().stream>>>(
        x, y, outputs, h, w, p, q, kernel, stride, pad);
    AG_CUDA_LAUNCH_CHECK();
    return AG_OK;
}
