// CUDA twin of native/cpu/adaptive_avg_pool2d.cpp, F.adaptive_avg_pool2d(x, 1) (InceptionV3's
// global pool): one warp per (n,c) plane (a whole block for large planes), each thread summing its
// strided share in double, a fixed-order shuffle tree (reduce.cuh, no atomics), then / (h*w).
#include "ag/adaptive_avg_pool2d_args.h"
#include "common.cuh"
#include "reduce.cuh"
#include "vector_loop.cuh"

using ag::cuda::kThreads;
using ag::cuda::kWarp;
using ag::cuda::planeBlocks;

namespace {

// x (planes,hw) -> y (planes); kGroup threads per plane, kThreads / kGroup planes per block
template <int kGroup>
__global__ void adaptiveAvgPoolKernel(const float *x, float *y, int64_t planes, int64_t hw, bool vector) {
    const int64_t plane = (int64_t)blockIdx.x * (kThreads / kGroup) + threadIdx.x / kGroup;
    const int rank = threadIdx.x % kGroup;
    if (plane >= planes) return;  // a whole warp: kGroup is a warp here, or the grid has one block per plane
    const float *xPlane = x + plane * hw;
    double sum = 0.0;
    if (vector) {
        for (int64_t q = rank; q < hw / 4; q += kGroup) {
            const float4 v = ag::cuda::load4(xPlane, q);
            sum += ((double)v.x + (double)v.y) + ((double)v.z + (double)v.w);
        }
    } else {
        for (int64_t j = rank; j < hw; j += kGroup) sum += (double)xPlane[j];
    }
    __shared__ double shared[kWarp];
    sum = ag::cuda::groupReduce<kGroup>(sum, ag::cuda::SumMerge{}, 0.0, shared);
    if (rank == 0) y[plane] = (float)(sum / (double)hw);
}

}  // namespace

extern "C" ag_status ag_cuda_adaptive_avg_pool2d_forward(const float *x, float *y, int n, int c, int h, int w) {
    AG_CHECK(ag_adaptive_avg_pool2d_forward_check(x, y, n, c, h, w));
    AG_CUDA_REQUIRE_CONTEXT();
    const int64_t planes = (int64_t)n * c, hw = (int64_t)h * w;
    const bool vector = hw % 4 == 0 && ag::cuda::aligned16(x);
    cudaStream_t stream = ag::cuda::context().stream;
    if (hw >= ag::cuda::kLargePlane)
        adaptiveAvgPoolKernel<kThreads><<<planeBlocks(planes, kThreads), kThreads, 0, stream>>>(x, y, planes, hw,
                                                                                                 vector);
    else
        adaptiveAvgPoolKernel<kWarp><<<planeBlocks(planes, kWarp), kThreads, 0, stream>>>(x, y, planes, hw, vector);
    AG_CUDA_LAUNCH_CHECK();
    return AG_OK;
}
