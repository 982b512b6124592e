// CUDA twin of native/cpu/instance_norm2d.cpp (no affine, no running statistics): one warp per
// (n,c) plane (a whole block for large planes), one kernel per pass. Forward: each thread keeps
// float Welford statistics of its strided share, the group merges them in double in a fixed
// shuffle tree (reduce.cuh), then normalizes the plane it just read (still in cache). Backward:
// sum(dy) and sum((x - mean) dy) in double the same way, then the element formula. Per-element
// math from ag/norm_math.h, as on the CPU; no atomics, the same result on every run.
#include "ag/instance_norm2d_args.h"
#include "common.cuh"
#include "reduce.cuh"
#include "vector_loop.cuh"

#include "ag/norm_math.h"

using ag::cuda::addGradTerms;
using ag::cuda::aligned16;
using ag::cuda::kThreads;
using ag::cuda::kWarp;
using ag::cuda::load4;
using ag::cuda::map4;
using ag::cuda::planeBlocks;
using ag::cuda::store4;
using ag::cuda::Welford;

namespace {

// x (planes,hw) -> y (planes,hw), saveMean (planes), saveInvStd (planes); kGroup threads per plane
template <int kGroup>
__global__ void instanceNormForwardKernel(const float *x, float *y, float *saveMean, float *saveInvStd,
                                          int64_t planes, int64_t hw, float eps, bool vector) {
    const int64_t plane = (int64_t)blockIdx.x * (kThreads / kGroup) + threadIdx.x / kGroup;
    const int rank = threadIdx.x % kGroup;
    if (plane >= planes) return;  // a whole warp: kGroup is a warp here, or the grid has one block per plane
    const float *xPlane = x + plane * hw;
    float *yPlane = y + plane * hw;
    ag::cuda::WelfordAccumulator accumulator;
    if (vector) {
        for (int64_t q = rank; q < hw / 4; q += kGroup) accumulator.add(load4(xPlane, q));
    } else {
        for (int64_t j = rank; j < hw; j += kGroup) accumulator.add(xPlane[j]);
    }
    __shared__ Welford shared[kWarp];
    const Welford total =
        ag::cuda::groupAllReduce<kGroup>(accumulator.state(), ag::cuda::WelfordMerge{}, Welford{0.0, 0.0, 0.0}, shared);
    const float mean = (float)total.mean, invStd = ag_norm_inv_std(total.m2 / (double)hw, eps);
    if (rank == 0) {
        saveMean[plane] = mean;
        saveInvStd[plane] = invStd;
    }
    float scale, shift;
    ag_norm_affine(mean, invStd, 1.0f, 0.0f, &scale, &shift);
    auto f = [scale, shift](float xi) { return ag_norm_apply(xi, scale, shift); };
    if (vector) {
        for (int64_t q = rank; q < hw / 4; q += kGroup) store4(yPlane, q, map4(f, load4(xPlane, q)));
    } else {
        for (int64_t j = rank; j < hw; j += kGroup) yPlane[j] = f(xPlane[j]);
    }
}

// x, dy (planes,hw), saveMean, saveInvStd (planes) -> dx (planes,hw); kGroup threads per plane
template <int kGroup>
__global__ void instanceNormBackwardKernel(const float *x, const float *dy, const float *saveMean,
                                           const float *saveInvStd, float *dx, int64_t planes, int64_t hw,
                                           bool vector) {
    const int64_t plane = (int64_t)blockIdx.x * (kThreads / kGroup) + threadIdx.x / kGroup;
    const int rank = threadIdx.x % kGroup;
    if (plane >= planes) return;  // a whole warp, as in the forward
    const float *xPlane = x + plane * hw, *dyPlane = dy + plane * hw;
    float *dxPlane = dx + plane * hw;
    const float mean = saveMean[plane];
    double2 sums = make_double2(0.0, 0.0);  // sum(dy), sum((x - mean) dy)
    if (vector) {
        for (int64_t q = rank; q < hw / 4; q += kGroup) {
            const float4 xq = load4(xPlane, q), dyq = load4(dyPlane, q);
            addGradTerms(sums, xq.x, dyq.x, mean);
            addGradTerms(sums, xq.y, dyq.y, mean);
            addGradTerms(sums, xq.z, dyq.z, mean);
            addGradTerms(sums, xq.w, dyq.w, mean);
        }
    } else {
        for (int64_t j = rank; j < hw; j += kGroup) addGradTerms(sums, xPlane[j], dyPlane[j], mean);
    }
    __shared__ double2 shared[kWarp];
    sums = ag::cuda::groupAllReduce<kGroup>(sums, ag::cuda::SumMerge{}, make_double2(0.0, 0.0), shared);
    const ag_norm_grad_terms terms = ag_norm_grad_prepare(sums.x, sums.y, hw, mean, saveInvStd[plane], 1.0f);
    auto f = [terms](float xi, float dyi) { return ag_norm_grad_element(xi, dyi, terms); };
    if (vector) {
        for (int64_t q = rank; q < hw / 4; q += kGroup)
            store4(dxPlane, q, map4(f, load4(xPlane, q), load4(dyPlane, q)));
    } else {
        for (int64_t j = rank; j < hw; j += kGroup) dxPlane[j] = f(xPlane[j], dyPlane[j]);
    }
}

}  // namespace

extern "C" ag_status ag_cuda_instance_norm2d_forward(const float *x, float *y, float *saveMean, float *saveInvStd,
                                                     int n, int c, int h, int w, float eps) {
    AG_CHECK(ag_instance_norm2d_forward_check(x, y, saveMean, saveInvStd, n, c, h, w, eps));
    AG_CUDA_REQUIRE_CONTEXT();
    const int64_t planes = (int64_t)n * c, hw = (int64_t)h * w;
    const bool vector = hw % 4 == 0 && aligned16(x, y);
    cudaStream_t stream = ag::cuda::context().stream;
    if (hw >= ag::cuda::kLargePlane)
        instanceNormForwardKernel<kThreads><<<planeBlocks(planes, kThreads), kThreads, 0, stream>>>(
            x, y, saveMean, saveInvStd, planes, hw, eps, vector);
    else
        instanceNormForwardKernel<kWarp><<<planeBlocks(planes, kWarp), kThreads, 0, stream>>>(
            x, y, saveMean, saveInvStd, planes, hw, eps, vector);
    AG_CUDA_LAUNCH_CHECK();
    return AG_OK;
}

extern "C" ag_status ag_cuda_instance_norm2d_backward(const float *x, const float *dy, const float *saveMean,
                                                      const float *saveInvStd, float *dx, int n, int c, int h,
                                                      int w) {
    AG_CHECK(ag_instance_norm2d_backward_check(x, dy, saveMean, saveInvStd, dx, n, c, h, w));
    AG_CUDA_REQUIRE_CONTEXT();
    const int64_t planes = (int64_t)n * c, hw = (int64_t)h * w;
    const bool vector = hw % 4 == 0 && aligned16(x, dy, dx);
    cudaStream_t stream = ag::cuda::context().stream;
    if (hw >= ag::cuda::kLargePlane)
        instanceNormBackwardKernel<kThreads><<<planeBlocks(planes, kThreads), kThreads, 0, stream>>>(
            x, dy, saveMean, saveInvStd, dx, planes, hw, vector);
    else
        instanceNormBackwardKernel<kWarp><<<planeBlocks(planes, kWarp), kThreads, 0, stream>>>(
            x, dy, saveMean, saveInvStd, dx, planes, hw, vector);
    AG_CUDA_LAUNCH_CHECK();
    return AG_OK;
}
