// CUDA twin of native/cpu/softmax.cpp, row-wise softmax / log-softmax (InceptionV3's class
// probabilities for the Inception Score): one warp per row, kThreads / 32 rows per block. The
// warp finds the row maximum, sums exp(x - max) in double, each combine a fixed shuffle tree
// (reduce.cuh: no atomics, the same bits on every run), then writes the row.
#include "ag/softmax_args.h"
#include "common.cuh"
#include "reduce.cuh"

using ag::cuda::kThreads;
using ag::cuda::kWarp;

namespace {

// The larger of two values (the row maximum, carried in double through the shuffle tree).
struct MaxMerge {
    __device__ __forceinline__ double operator()(double a, double b) const { return a > b ? a : b; }
};

// x (rows,cols) -> y (rows,cols)
__global__ void softmaxForwardKernel(const float *x, float *y, int rows, int cols, int log) {
    const int64_t row = (int64_t)blockIdx.x * (kThreads / kWarp) + threadIdx.x / kWarp;
    const int lane = threadIdx.x % kWarp;
    if (row >= rows) return;  // a whole warp: rows are warp-sized groups
    const float *xRow = x + row * cols;
    float *yRow = y + row * cols;
    float top = xRow[0];
    for (int j = lane; j < cols; j += kWarp) top = xRow[j] > top ? xRow[j] : top;
    top = (float)ag::cuda::warpAllReduce((double)top, MaxMerge{});
    double sum = 0.0;
    for (int j = lane; j < cols; j += kWarp) sum += (double)expf(xRow[j] - top);
    sum = ag::cuda::warpAllReduce(sum, ag::cuda::SumMerge{});
    if (log) {
        const float logSum = (float)::log(sum);
        for (int j = lane; j < cols; j += kWarp) yRow[j] = (xRow[j] - top) - logSum;
    } else {
        for (int j = lane; j < cols; j += kWarp) yRow[j] = (float)((double)expf(xRow[j] - top) / sum);
    }
}

}  // namespace

extern "C" ag_status ag_cuda_softmax_forward(const float *x, float *y, int rows, int cols, int log) {
    AG_CHECK(ag_softmax_forward_check(x, y, rows, cols));
    AG_CUDA_REQUIRE_CONTEXT();
    const int rowsPerBlock = kThreads / kWarp;
    const unsigned int blocks = (unsigned int)((rows + rowsPerBlock - 1) / rowsPerBlock);
    softmaxForwardKernel<<<blocks, kThreads, 0, ag::cuda::context().stream>>>(x, y, rows, cols, log);
    AG_CUDA_LAUNCH_CHECK();
    return AG_OK;
}
