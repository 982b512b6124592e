// CUDA twin of native/cpu/avg_pool2d_window.cpp, F.avg_pool2d in floor mode with any kernel,
// stride and pad, with or without count_include_pad (InceptionV3's branch pools): one thread per
// output over a grid-stride loop, each summing its window through the same pool_window.h function
// as the CPU twin (same order, same division), so the two agree bit for bit.
#include "ag/avg_pool2d_window_args.h"
#include "ag/pool_window.h"
#include "common.cuh"
#include "vector_loop.cuh"

using ag::cuda::forEachIndex;
using ag::cuda::gridSize;
using ag::cuda::quotient;

namespace {

// x (planes,h,w) -> y (planes,p,q); outputs = planes*p*q
__global__ void avgPoolWindowForwardKernel(const float *x, float *y, int64_t outputs, int h, int w, int p, int q,
                                           int kernel, int stride, int pad, int countIncludePad) {
    forEachIndex(outputs, [&](int64_t o) {
        const int64_t row = quotient(o, q), plane = quotient(row, p);
        const int i = (int)(row - plane * p), j = (int)(o - row * q);
        y[o] = ag_pool_window_mean(x + plane * h * w, h, w, i, j, kernel, stride, pad, countIncludePad);
    });
}

}  // namespace

extern "C" ag_status ag_cuda_avg_pool2d_window_forward(const float *x, float *y, int n, int c, int h, int w,
                                                       int kernel, int stride, int pad, int countIncludePad) {
    AG_CHECK(ag_avg_pool2d_window_forward_check(x, y, n, c, h, w, kernel, stride, pad));
    AG_CUDA_REQUIRE_CONTEXT();
    const int p = ag_pool_out_size(h, kernel, stride, pad), q = ag_pool_out_size(w, kernel, stride, pad);
    const int64_t outputs = (int64_t)n * c * p * q;
    avgPoolWindowForwardKernel<<<gridSize(outputs), ag::cuda::kThreads, 0, ag::cuda::context().stream>>>(
        x, y, outputs, h, w, p, q, kernel, stride, pad, countIncludePad);
    AG_CUDA_LAUNCH_CHECK();
    return AG_OK;
}
