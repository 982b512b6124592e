// CUDA twin of native/cpu/sum_hw.cpp, the discriminator head's sum over H and W: one warp per
// (n,c) plane (a whole block for large planes), each thread summing its strided share in double,
// then a fixed-order shuffle tree (reduce.cuh): no atomics, the same result on every run.
// The backward broadcasts dy over each plane with float4 stores.
#include "ag/sum_hw_args.h"
#include "common.cuh"
#include "reduce.cuh"
#include "vector_loop.cuh"

using ag::cuda::aligned16;
using ag::cuda::elementGrid;
using ag::cuda::forEachElement;
using ag::cuda::kThreads;
using ag::cuda::kWarp;
using ag::cuda::planeBlocks;
using ag::cuda::quotient;
using ag::cuda::store4;

namespace {

// x (planes,hw) -> y (planes); kGroup threads per plane, kThreads / kGroup planes per block
template <int kGroup>
__global__ void sumHwForwardKernel(const float *x, float *y, int64_t planes, int64_t hw, bool vector) {
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
    if (rank == 0) y[plane] = (float)sum;
}

// dy (planes) -> dx (planes,hw), every element of plane p = dy[p]
__global__ void sumHwBackwardKernel(const float *dy, float *dx, int64_t total, int64_t hw, bool vector) {
    forEachElement(
        total, vector,
        [&](int64_t q) {
            const float g = dy[quotient(q, hw / 4)];
            store4(dx, q, make_float4(g, g, g, g));
        },
        [&](int64_t i) { dx[i] = dy[quotient(i, hw)]; });
}

}  // namespace

extern "C" ag_status ag_cuda_sum_hw_forward(const float *x, float *y, int n, int c, int h, int w) {
    AG_CHECK(ag_sum_hw_forward_check(x, y, n, c, h, w));
    AG_CUDA_REQUIRE_CONTEXT();
    const int64_t planes = (int64_t)n * c, hw = (int64_t)h * w;
    const bool vector = hw % 4 == 0 && aligned16(x);
    cudaStream_t stream = ag::cuda::context().stream;
    if (hw >= ag::cuda::kLargePlane)
        sumHwForwardKernel<kThreads><<<planeBlocks(planes, kThreads), kThreads, 0, stream>>>(x, y, planes, hw, vector);
    else
        sumHwForwardKernel<kWarp><<<planeBlocks(planes, kWarp), kThreads, 0, stream>>>(x, y, planes, hw, vector);
    AG_CUDA_LAUNCH_CHECK();
    return AG_OK;
}

extern "C" ag_status ag_cuda_sum_hw_backward(const float *dy, float *dx, int n, int c, int h, int w) {
    AG_CHECK(ag_sum_hw_backward_check(dy, dx, n, c, h, w));
    AG_CUDA_REQUIRE_CONTEXT();
    const int64_t hw = (int64_t)h * w, total = (int64_t)n * c * hw;
    const bool vector = hw % 4 == 0 && aligned16(dx);
    sumHwBackwardKernel<<<elementGrid(total, vector), kThreads, 0, ag::cuda::context().stream>>>(dy, dx, total, hw,
                                                                                                 vector);
    AG_CUDA_LAUNCH_CHECK();
    return AG_OK;
}
