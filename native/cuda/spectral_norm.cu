// CUDA twin of native/cpu/spectral_norm.cpp: torch.nn.utils.spectral_norm in training (one power
// iteration, dim 0), the weight viewed as W (rows, cols), u (rows) and v (cols) persisting between
// calls. Products and norms accumulate in double with fixed-shape reductions (no atomics):
// W^T u by column tiles that sum row groups in a fixed order, W v one warp per row, the
// normalizations and sigma in single-block kernels, then W / sigma elementwise. The backward
// reduces sum(weightSnGrad * W) over a shape-determined number of blocks, merges the partials in
// one warp, then updates weightGrad elementwise; the same bits on every run.
#include "ag/spectral_norm_args.h"
#include "common.cuh"
#include "reduce.cuh"
#include "scratch.cuh"
#include "vector_loop.cuh"

using ag::cuda::aligned16;
using ag::cuda::elementGrid;
using ag::cuda::forEachElement;
using ag::cuda::forEachIndex;
using ag::cuda::kThreads;
using ag::cuda::kWarp;
using ag::cuda::load4;
using ag::cuda::map4;
using ag::cuda::quotient;
using ag::cuda::Scratch;
using ag::cuda::store4;
using ag::cuda::SumMerge;

namespace {

// W^T u: a block covers kTileColumns columns with kRowGroups groups of rows each.
constexpr int kTileColumns = 32;
constexpr int kRowGroups = kThreads / kTileColumns;
// Threads of the single-block kernels (normalize, sigma).
constexpr int kVectorThreads = 1024;
// Elements per block of the backward's sum(weightSnGrad * W), and the most blocks it uses.
constexpr int64_t kElementsPerBlock = 8192;
constexpr int kMaxDotBlocks = 256;

// weight (rows,cols), u (rows) -> t (cols) = W^T u, in double
__global__ void transposedProductKernel(const float *weight, const float *u, double *t, int rows, int cols) {
    const int64_t column = (int64_t)blockIdx.x * kTileColumns + threadIdx.x % kTileColumns;
    const int group = threadIdx.x / kTileColumns;
    double partial = 0.0;
    if (column < cols)
        for (int r = group; r < rows; r += kRowGroups)
            partial += (double)weight[(int64_t)r * cols + column] * (double)u[r];
    __shared__ double partials[kRowGroups][kTileColumns];
    partials[group][threadIdx.x % kTileColumns] = partial;
    __syncthreads();
    if (group == 0 && column < cols) {
        double sum = partials[0][threadIdx.x];
        for (int g = 1; g < kRowGroups; ++g) sum += partials[g][threadIdx.x];
        t[column] = sum;
    }
}

// weight (rows,cols), v (cols) -> s (rows) = W v, in double; one warp per row
__global__ void productKernel(const float *weight, const float *v, double *s, int rows, int cols) {
    const int64_t row = (int64_t)blockIdx.x * (kThreads / kWarp) + threadIdx.x / kWarp;
    const int lane = threadIdx.x % kWarp;
    if (row >= rows) return;  // the whole warp
    const float *wRow = weight + (int64_t)row * cols;
    double sum = 0.0;
    for (int j = lane; j < cols; j += kWarp) sum += (double)wRow[j] * (double)v[j];
    sum = ag::cuda::warpReduce(sum, SumMerge{});
    if (lane == 0) s[row] = sum;
}

// out (len) = t / max(||t||, eps), rounded to float as torch's normalize does; called by a whole block
__device__ void normalizeInto(const double *t, float *out, int len, float eps, double *shared) {
    double squares = 0.0;
    for (int i = threadIdx.x; i < len; i += blockDim.x) squares += t[i] * t[i];
    const double norm = sqrt(ag::cuda::blockAllReduce(squares, SumMerge{}, 0.0, shared));
    const float denom = (float)(norm > (double)eps ? norm : (double)eps);
    for (int i = threadIdx.x; i < len; i += blockDim.x) out[i] = (float)t[i] / denom;
}

// t (cols) -> v (cols) normalized; one block
__global__ void normalizeKernel(const double *t, float *v, int cols, float eps) {
    __shared__ double shared[kWarp];
    normalizeInto(t, v, cols, eps, shared);
}

// s (rows) = W v -> u (rows) normalized when update, then sigma (1) = u . s; one block
__global__ void sigmaKernel(const double *s, float *u, float *sigma, int rows, int update, float eps) {
    __shared__ double shared[kWarp];
    if (update) {
        normalizeInto(s, u, rows, eps, shared);
        __syncthreads();  // every thread's u writes are seen below
    }
    double dot = 0.0;
    for (int r = threadIdx.x; r < rows; r += blockDim.x) dot += (double)u[r] * s[r];
    dot = ag::cuda::blockReduce(dot, SumMerge{}, 0.0, shared);
    if (threadIdx.x == 0) *sigma = (float)dot;
}

// weight (total) -> weightSn (total) = weight / sigma
__global__ void divideKernel(const float *weight, const float *sigma, float *weightSn, int64_t total, bool vector) {
    const float sigmaValue = *sigma;
    auto f = [sigmaValue](float wi) { return wi / sigmaValue; };
    forEachElement(
        total, vector, [&](int64_t q) { store4(weightSn, q, map4(f, load4(weight, q))); },
        [&](int64_t i) { weightSn[i] = f(weight[i]); });
}

// weightSnGrad, weight (total) -> partials (gridDim.x): sum(weightSnGrad * W) over block b's
// contiguous share of the elements, in double
__global__ void dotPartialsKernel(const float *weightSnGrad, const float *weight, double *partials, int64_t total) {
    const int64_t begin = total * blockIdx.x / gridDim.x, end = total * (blockIdx.x + 1) / gridDim.x;
    double sum = 0.0;
    for (int64_t i = begin + threadIdx.x; i < end; i += blockDim.x) sum += (double)weightSnGrad[i] * (double)weight[i];
    __shared__ double shared[kWarp];
    sum = ag::cuda::blockReduce(sum, SumMerge{}, 0.0, shared);
    if (threadIdx.x == 0) partials[blockIdx.x] = sum;
}

// partials (blocks), sigma (1) -> coefficient (1) = sum(partials) / sigma^2; one warp
__global__ void coefficientKernel(const double *partials, int blocks, const float *sigma, double *coefficient) {
    double sum = 0.0;
    for (int b = threadIdx.x; b < blocks; b += kWarp) sum += partials[b];
    sum = ag::cuda::warpReduce(sum, SumMerge{});
    const double sigmaValue = *sigma;
    if (threadIdx.x == 0) *coefficient = sum / (sigmaValue * sigmaValue);
}

// weightGrad (rows,cols) += weightSnGrad / sigma - coefficient * u v^T, in double as on the CPU
__global__ void gradKernel(const float *weightSnGrad, const float *u, const float *v, const float *sigma,
                           const double *coefficient, float *weightGrad, int cols, int64_t total) {
    const double sigmaValue = *sigma, c = *coefficient;
    forEachIndex(total, [&](int64_t i) {
        const int64_t r = quotient(i, cols), j = i - r * cols;
        const double uCoefficient = c * (double)u[r];
        weightGrad[i] += (float)((double)weightSnGrad[i] / sigmaValue - uCoefficient * (double)v[j]);
    });
}

}  // namespace

extern "C" ag_status ag_cuda_spectral_norm_forward(const float *weight, float *u, float *v, float *weightSn,
                                                   float *sigma, int rows, int cols, int update, float eps) {
    AG_CHECK(ag_spectral_norm_forward_check(weight, u, v, weightSn, sigma, rows, cols, eps));
    AG_CUDA_REQUIRE_CONTEXT();
    Scratch scratch(__func__);
    AG_CUDA_TRY(scratch.allocate(((int64_t)rows + cols) * (int64_t)sizeof(double)));
    double *s = scratch.at<double>(0), *t = s + rows;
    cudaStream_t stream = ag::cuda::context().stream;
    if (update) {
        const unsigned int tiles = (unsigned int)(((int64_t)cols + kTileColumns - 1) / kTileColumns);
        transposedProductKernel<<<tiles, kThreads, 0, stream>>>(weight, u, t, rows, cols);
        AG_CUDA_LAUNCH_CHECK();
        normalizeKernel<<<1, kVectorThreads, 0, stream>>>(t, v, cols, eps);
        AG_CUDA_LAUNCH_CHECK();
    }
    constexpr int kRowsPerBlock = kThreads / kWarp;
    const unsigned int rowBlocks = (unsigned int)(((int64_t)rows + kRowsPerBlock - 1) / kRowsPerBlock);
    productKernel<<<rowBlocks, kThreads, 0, stream>>>(weight, v, s, rows, cols);
    AG_CUDA_LAUNCH_CHECK();
    sigmaKernel<<<1, kVectorThreads, 0, stream>>>(s, u, sigma, rows, update, eps);
    AG_CUDA_LAUNCH_CHECK();
    const int64_t total = (int64_t)rows * cols;
    const bool vector = aligned16(weight, weightSn);
    divideKernel<<<elementGrid(total, vector), kThreads, 0, stream>>>(weight, sigma, weightSn, total, vector);
    AG_CUDA_LAUNCH_CHECK();
    return scratch.release();
}

extern "C" ag_status ag_cuda_spectral_norm_backward(const float *weight, const float *u, const float *v,
                                                    const float *sigma, const float *weightSnGrad,
                                                    float *weightGrad, int rows, int cols) {
    AG_CHECK(ag_spectral_norm_backward_check(weight, u, v, sigma, weightSnGrad, weightGrad, rows, cols));
    AG_CUDA_REQUIRE_CONTEXT();
    const int64_t total = (int64_t)rows * cols;
    const int64_t wanted = (total + kElementsPerBlock - 1) / kElementsPerBlock;
    const int blocks = wanted < kMaxDotBlocks ? (int)wanted : kMaxDotBlocks;
    Scratch scratch(__func__);
    AG_CUDA_TRY(scratch.allocate(((int64_t)blocks + 1) * (int64_t)sizeof(double)));
    double *coefficient = scratch.at<double>(0), *partials = coefficient + 1;
    cudaStream_t stream = ag::cuda::context().stream;
    dotPartialsKernel<<<blocks, kThreads, 0, stream>>>(weightSnGrad, weight, partials, total);
    AG_CUDA_LAUNCH_CHECK();
    coefficientKernel<<<1, kWarp, 0, stream>>>(partials, blocks, sigma, coefficient);
    AG_CUDA_LAUNCH_CHECK();
    gradKernel<<<ag::cuda::gridSize(total), kThreads, 0, stream>>>(weightSnGrad, u, v, sigma, coefficient, weightGrad,
                                                                   cols, total);
    AG_CUDA_LAUNCH_CHECK();
    return scratch.release();
}
