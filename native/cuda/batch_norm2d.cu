// CUDA twin of native/cpu/batch_norm2d.cpp (affine, eps, momentum, unbiased running variance).
// Statistics per channel over (n,h,w) without atomics: a fixed two-level split. Level one is a
// grid of (channel, split) blocks, each thread keeping float Welford statistics of its strided
// units (quads where aligned) and the block merging them in double in a fixed tree (reduce.cuh);
// the number of splits depends only on n*h*w. Level two merges a channel's splits in split order
// (one thread per channel) and prepares the per-channel constants; a float4 pass then applies
// them. The backward does the same with sum(dy) and sum((x - mean) dy) in double. Per-element
// math from ag/norm_math.h, as on the CPU; a given input gives the same bits on every run.
#include "ag/batch_norm2d_args.h"
#include "common.cuh"
#include "reduce.cuh"
#include "scratch.cuh"
#include "vector_loop.cuh"

#include "ag/norm_math.h"

using ag::cuda::addGradTerms;
using ag::cuda::aligned16;
using ag::cuda::elementGrid;
using ag::cuda::forEachElement;
using ag::cuda::kThreads;
using ag::cuda::kWarp;
using ag::cuda::load4;
using ag::cuda::map4;
using ag::cuda::quotient;
using ag::cuda::Scratch;
using ag::cuda::store4;
using ag::cuda::Welford;

namespace {

// Elements of one channel per level-one block, and the most blocks one channel is split into.
constexpr int64_t kElementsPerSplit = 8192;
constexpr int kMaxSplits = 64;


// Level-one blocks per channel for m = n*h*w elements: a function of the shape alone.
int splitsFor(int64_t m) {
    const int64_t splits = (m + kElementsPerSplit - 1) / kElementsPerSplit;
    return splits < kMaxSplits ? (int)splits : kMaxSplits;
}

// Byte offset of the second scratch region, after `bytes` rounded up to 16.
int64_t after(int64_t bytes) { return (bytes + 15) / 16 * 16; }

// Calls f(index) for the float index of each unit of this block's slice of channel blockIdx.x:
// the channel's n * hw / width units (width 4, quads, when vector), split gridDim.y ways in
// order, slice blockIdx.y, thread-strided.
template <class F>
__device__ __forceinline__ void forEachChannelUnit(int n, int c, int64_t hw, bool vector, F f) {
    const int width = vector ? 4 : 1;
    const int64_t unitsPerPlane = hw / width, units = (int64_t)n * unitsPerPlane;
    const int64_t begin = units * blockIdx.y / gridDim.y, end = units * (blockIdx.y + 1) / gridDim.y;
    for (int64_t u = begin + threadIdx.x; u < end; u += blockDim.x) {
        const int64_t sample = quotient(u, unitsPerPlane);
        f((sample * c + blockIdx.x) * hw + (u - sample * unitsPerPlane) * width);
    }
}

// The channel of flat plane index plane (planes are (n, c) pairs).
__device__ __forceinline__ int64_t channelOf(int64_t plane, int c) { return plane - quotient(plane, c) * c; }

// x (n,c,h,w) -> partials (c, splits): Welford statistics of each slice
__global__ void statsKernel(const float *x, Welford *partials, int n, int c, int64_t hw, bool vector) {
    ag::cuda::WelfordAccumulator accumulator;
    forEachChannelUnit(n, c, hw, vector, [&](int64_t index) {
        if (vector) accumulator.add(load4(x, index / 4));
        else accumulator.add(x[index]);
    });
    __shared__ Welford shared[kWarp];
    const Welford total =
        ag::cuda::blockReduce(accumulator.state(), ag::cuda::WelfordMerge{}, Welford{0.0, 0.0, 0.0}, shared);
    if (threadIdx.x == 0) partials[(int64_t)blockIdx.x * gridDim.y + blockIdx.y] = total;
}

// partials (c, splits) -> saveMean, saveInvStd (c), running statistics (c) when set, scaleShift (c)
__global__ void statsFinishKernel(const Welford *partials, int splits, int c, int64_t m, float eps, float momentum,
                                  const float *gamma, const float *beta, float *saveMean, float *saveInvStd,
                                  float *runningMean, float *runningVar, float2 *scaleShift) {
    const int64_t channel = (int64_t)blockIdx.x * blockDim.x + threadIdx.x;
    if (channel >= c) return;
    const Welford *slices = partials + (int64_t)channel * splits;
    Welford total = slices[0];
    for (int s = 1; s < splits; ++s) total = ag::cuda::WelfordMerge{}(total, slices[s]);
    const double mean = total.mean, var = total.m2 / (double)m;
    const float invStd = ag_norm_inv_std(var, eps);
    saveMean[channel] = (float)mean;
    saveInvStd[channel] = invStd;
    if (runningMean != nullptr) {
        runningMean[channel] = ag_norm_running(runningMean[channel], mean, momentum);
        runningVar[channel] = ag_norm_running(runningVar[channel], var * (double)m / (double)(m - 1), momentum);
    }
    float scale, shift;
    ag_norm_affine((float)mean, invStd, gamma[channel], beta[channel], &scale, &shift);
    scaleShift[channel] = make_float2(scale, shift);
}

// gamma, beta, runningMean, runningVar (c) -> scaleShift (c), evaluation mode
__global__ void evalPrepareKernel(const float *gamma, const float *beta, const float *runningMean,
                                  const float *runningVar, int c, float eps, float2 *scaleShift) {
    const int64_t channel = (int64_t)blockIdx.x * blockDim.x + threadIdx.x;
    if (channel >= c) return;
    float scale, shift;
    ag_norm_affine(runningMean[channel], ag_norm_running_inv_std(runningVar[channel], eps), gamma[channel],
                   beta[channel], &scale, &shift);
    scaleShift[channel] = make_float2(scale, shift);
}

// x (n,c,hw) -> y (n,c,hw) = x * scale + shift of its channel; total = n*c*hw
__global__ void affineKernel(const float *x, float *y, const float2 *scaleShift, int c, int64_t hw, int64_t total,
                             bool vector) {
    forEachElement(
        total, vector,
        [&](int64_t q) {
            const float2 s = scaleShift[channelOf(quotient(q, hw / 4), c)];
            store4(y, q, map4([s](float xi) { return ag_norm_apply(xi, s.x, s.y); }, load4(x, q)));
        },
        [&](int64_t i) {
            const float2 s = scaleShift[channelOf(quotient(i, hw), c)];
            y[i] = ag_norm_apply(x[i], s.x, s.y);
        });
}

// x, dy (n,c,h,w), saveMean (c) -> partials (c, splits): (sum dy, sum (x - mean) dy) of each slice
__global__ void gradSumsKernel(const float *x, const float *dy, const float *saveMean, double2 *partials, int n,
                               int c, int64_t hw, bool vector) {
    const float mean = saveMean[blockIdx.x];
    double2 sums = make_double2(0.0, 0.0);
    forEachChannelUnit(n, c, hw, vector, [&](int64_t index) {
        if (vector) {
            const float4 xq = load4(x, index / 4), dyq = load4(dy, index / 4);
            addGradTerms(sums, xq.x, dyq.x, mean);
            addGradTerms(sums, xq.y, dyq.y, mean);
            addGradTerms(sums, xq.z, dyq.z, mean);
            addGradTerms(sums, xq.w, dyq.w, mean);
        } else {
            addGradTerms(sums, x[index], dy[index], mean);
        }
    });
    __shared__ double2 shared[kWarp];
    sums = ag::cuda::blockReduce(sums, ag::cuda::SumMerge{}, make_double2(0.0, 0.0), shared);
    if (threadIdx.x == 0) partials[(int64_t)blockIdx.x * gridDim.y + blockIdx.y] = sums;
}

// partials (c, splits) -> gammaGrad, betaGrad (c) +=, terms (c) for the dx pass
__global__ void gradFinishKernel(const double2 *partials, int splits, int c, int64_t m, const float *gamma,
                                 const float *saveMean, const float *saveInvStd, float *gammaGrad, float *betaGrad,
                                 ag_norm_grad_terms *terms) {
    const int64_t channel = (int64_t)blockIdx.x * blockDim.x + threadIdx.x;
    if (channel >= c) return;
    const double2 *slices = partials + (int64_t)channel * splits;
    double2 total = slices[0];
    for (int s = 1; s < splits; ++s) total = ag::cuda::SumMerge{}(total, slices[s]);
    gammaGrad[channel] += (float)(total.y * (double)saveInvStd[channel]);
    betaGrad[channel] += (float)total.x;
    terms[channel] = ag_norm_grad_prepare(total.x, total.y, m, saveMean[channel], saveInvStd[channel], gamma[channel]);
}

// x, dy (n,c,hw), terms (c) -> dx (n,c,hw); total = n*c*hw
__global__ void gradApplyKernel(const float *x, const float *dy, const ag_norm_grad_terms *terms, float *dx, int c,
                                int64_t hw, int64_t total, bool vector) {
    forEachElement(
        total, vector,
        [&](int64_t q) {
            const ag_norm_grad_terms t = terms[channelOf(quotient(q, hw / 4), c)];
            auto f = [t](float xi, float dyi) { return ag_norm_grad_element(xi, dyi, t); };
            store4(dx, q, map4(f, load4(x, q), load4(dy, q)));
        },
        [&](int64_t i) { dx[i] = ag_norm_grad_element(x[i], dy[i], terms[channelOf(quotient(i, hw), c)]); });
}

// Blocks of one thread per channel for the finish and prepare kernels.
unsigned int channelBlocks(int c) { return (unsigned int)(((int64_t)c + kThreads - 1) / kThreads); }

}  // namespace

extern "C" ag_status ag_cuda_batch_norm2d_forward_train(const float *x, const float *gamma, const float *beta,
                                                        float *y, float *saveMean, float *saveInvStd,
                                                        float *runningMean, float *runningVar, int n, int c, int h,
                                                        int w, float eps, float momentum) {
    AG_CHECK(ag_batch_norm2d_forward_train_check(x, gamma, beta, y, saveMean, saveInvStd, runningMean, runningVar, n,
                                                 c, h, w, eps, momentum));
    const int64_t hw = (int64_t)h * w, m = (int64_t)n * hw, total = (int64_t)c * m;
    AG_CUDA_REQUIRE_CONTEXT();
    const int splits = splitsFor(m);
    const int64_t partialBytes = (int64_t)c * splits * (int64_t)sizeof(Welford);
    Scratch scratch(__func__);
    AG_CUDA_TRY(scratch.allocate(after(partialBytes) + (int64_t)c * (int64_t)sizeof(float2)));
    Welford *partials = scratch.at<Welford>(0);
    float2 *scaleShift = scratch.at<float2>(after(partialBytes));
    cudaStream_t stream = ag::cuda::context().stream;
    statsKernel<<<dim3((unsigned int)c, (unsigned int)splits), kThreads, 0, stream>>>(x, partials, n, c, hw,
                                                                                      hw % 4 == 0 && aligned16(x));
    AG_CUDA_LAUNCH_CHECK();
    statsFinishKernel<<<channelBlocks(c), kThreads, 0, stream>>>(partials, splits, c, m, eps, momentum, gamma, beta,
                                                                saveMean, saveInvStd, runningMean, runningVar,
                                                                scaleShift);
    AG_CUDA_LAUNCH_CHECK();
    const bool vector = hw % 4 == 0 && aligned16(x, y);
    affineKernel<<<elementGrid(total, vector), kThreads, 0, stream>>>(x, y, scaleShift, c, hw, total, vector);
    AG_CUDA_LAUNCH_CHECK();
    return scratch.release();
}

extern "C" ag_status ag_cuda_batch_norm2d_forward_eval(const float *x, const float *gamma, const float *beta,
                                                       const float *runningMean, const float *runningVar, float *y,
                                                       int n, int c, int h, int w, float eps) {
    AG_CHECK(ag_batch_norm2d_forward_eval_check(x, gamma, beta, runningMean, runningVar, y, n, c, h, w, eps));
    AG_CUDA_REQUIRE_CONTEXT();
    const int64_t hw = (int64_t)h * w, total = (int64_t)n * c * hw;
    Scratch scratch(__func__);
    AG_CUDA_TRY(scratch.allocate((int64_t)c * (int64_t)sizeof(float2)));
    float2 *scaleShift = scratch.at<float2>(0);
    cudaStream_t stream = ag::cuda::context().stream;
    evalPrepareKernel<<<channelBlocks(c), kThreads, 0, stream>>>(gamma, beta, runningMean, runningVar, c, eps,
                                                                scaleShift);
    AG_CUDA_LAUNCH_CHECK();
    const bool vector = hw % 4 == 0 && aligned16(x, y);
    affineKernel<<<elementGrid(total, vector), kThreads, 0, stream>>>(x, y, scaleShift, c, hw, total, vector);
    AG_CUDA_LAUNCH_CHECK();
    return scratch.release();
}

extern "C" ag_status ag_cuda_batch_norm2d_backward(const float *x, const float *dy, const float *gamma,
                                                   const float *saveMean, const float *saveInvStd, float *dx,
                                                   float *gammaGrad, float *betaGrad, int n, int c, int h, int w) {
    AG_CHECK(ag_batch_norm2d_backward_check(x, dy, gamma, saveMean, saveInvStd, dx, gammaGrad, betaGrad, n, c, h, w));
    AG_CUDA_REQUIRE_CONTEXT();
    const int64_t hw = (int64_t)h * w, m = (int64_t)n * hw, total = (int64_t)c * m;
    const int splits = splitsFor(m);
    const int64_t partialBytes = (int64_t)c * splits * (int64_t)sizeof(double2);
    Scratch scratch(__func__);
    AG_CUDA_TRY(scratch.allocate(after(partialBytes) + (int64_t)c * (int64_t)sizeof(ag_norm_grad_terms)));
    double2 *partials = scratch.at<double2>(0);
    ag_norm_grad_terms *terms = scratch.at<ag_norm_grad_terms>(after(partialBytes));
    cudaStream_t stream = ag::cuda::context().stream;
    gradSumsKernel<<<dim3((unsigned int)c, (unsigned int)splits), kThreads, 0, stream>>>(
        x, dy, saveMean, partials, n, c, hw, hw % 4 == 0 && aligned16(x, dy));
    AG_CUDA_LAUNCH_CHECK();
    gradFinishKernel<<<channelBlocks(c), kThreads, 0, stream>>>(partials, splits, c, m, gamma, saveMean, saveInvStd,
                                                               gammaGrad, betaGrad, terms);
    AG_CUDA_LAUNCH_CHECK();
    const bool vector = hw % 4 == 0 && aligned16(x, dy, dx);
    gradApplyKernel<<<elementGrid(total, vector), kThreads, 0, stream>>>(x, dy, terms, dx, c, hw, total, vector);
    AG_CUDA_LAUNCH_CHECK();
    return scratch.release();
}
