// CUDA twin of native/cpu/gemm.cpp: ag_cuda_gemm on the tiled engine of tile_gemm.cuh (TF32
// tensor cores by default, strict FP32 after ag_cuda_set_tf32(0)), and the pieces of that engine
// that linear and the convolutions share: the TF32 switch, workspace from the stream-ordered pool,
// and the deterministic reductions (split-K chunks, per-channel and per-column bias gradients),
// each summing in an order fixed by the shape, never with float atomics.
#include "ag/gemm_args.h"
#include "tile_gemm.cuh"

#include <atomic>

namespace ag::cuda::tile {
namespace {

std::atomic<bool> tf32{true};

constexpr int kReduceThreads = 256;  // block size of the reductions (part of their fixed order)

// c = alpha * value + beta * c (+ colBias[n]); beta == 0 never reads c.
struct GemmStore {
    float *c;
    int64_t ldc;
    float alpha, beta;
    const float *colBias;
    __host__ __device__ void operator()(int m, int n, float value, int) const {
        float *out = c + (int64_t)m * ldc + n;
        float result = alpha * value;
        if (beta != 0.0f) result += beta * *out;
        if (colBias) result += colBias[n];
        *out = result;
    }
};

// c (m,n) = beta * c, or 0 when beta == 0 (k == 0 or alpha == 0: the product adds nothing).
__global__ void scaleKernel(float *c, int64_t ldc, int m, int n, float beta) {
    const int64_t count = (int64_t)m * n, stride = (int64_t)gridDim.x * blockDim.x;
    for (int64_t e = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; e < count; e += stride) {
        float *out = c + (e / n) * ldc + e % n;
        *out = beta != 0.0f ? beta * *out : 0.0f;
    }
}

// out (count) += workspace[0][i] + workspace[1][i] + ... in chunk order
__global__ void sumSplitsKernel(const float *workspace, int splits, int64_t count, float *out) {
    const int64_t stride = (int64_t)gridDim.x * blockDim.x;
    for (int64_t i = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; i < count; i += stride) {
        float sum = 0.0f;
        for (int s = 0; s < splits; ++s) sum += workspace[s * count + i];
        out[i] += sum;
    }
}

// One block per channel: biasGrad[channel] += sum of dy (n, channels, plane) over n and plane.
// Each thread sums a fixed set of elements in double, then a fixed tree adds the threads.
__global__ void __launch_bounds__(kReduceThreads)
    sumChannelsKernel(const float *dy, int n, int channels, int64_t plane, float *biasGrad) {
    __shared__ double partial[kReduceThreads];
    const int channel = blockIdx.x, t = threadIdx.x;
    double sum = 0.0;
    if (plane >= kReduceThreads) {
        for (int image = 0; image < n; ++image) {
            const float *row = dy + ((int64_t)image * channels + channel) * plane;
            for (int64_t j = t; j < plane; j += kReduceThreads) sum += row[j];
        }
    } else {
        // small planes: several images per step, thread t on pixel t % plane of image t / plane
        const int perStep = kReduceThreads / (int)plane;
        if (t < perStep * plane)
            for (int image = t / (int)plane; image < n; image += perStep)
                sum += dy[((int64_t)image * channels + channel) * plane + t % plane];
    }
    partial[t] = sum;
    __syncthreads();
    for (int half = kReduceThreads / 2; half > 0; half /= 2) {
        if (t < half) partial[t] += partial[t + half];
        __syncthreads();
    }
    if (t == 0) biasGrad[channel] += (float)partial[0];
}

// biasGrad[col] += sum over rows of dy (rows, cols), in double, rows in order.
__global__ void sumColumnsKernel(const float *dy, int rows, int cols, float *biasGrad) {
    const int col = blockIdx.x * blockDim.x + threadIdx.x;
    if (col >= cols) return;
    double sum = 0.0;
    for (int r = 0; r < rows; ++r) sum += dy[(int64_t)r * cols + col];
    biasGrad[col] += (float)sum;
}

ag_status launched(const char *function) {
    const cudaError_t error = cudaGetLastError();
    return error == cudaSuccess ? AG_OK : fail(error, function, __FILE__, __LINE__);
}

template <bool kTransA, bool kTransB>
ag_status gemmLaunch(const char *function, int m, int n, int k, float alpha, const float *a, int64_t lda,
                     const float *b, int64_t ldb, float beta, float *c, int64_t ldc, const float *colBias) {
    return launch(function, MatrixOperand<kTransA>{a, lda}, MatrixOperand<!kTransB>{b, ldb},
                  GemmStore{c, ldc, alpha, beta, colBias}, m, n, k, whole(k));
}

}  // namespace

bool tf32Enabled() { return tf32.load(std::memory_order_relaxed); }

ag_status gemm(const char *function, bool transA, bool transB, int m, int n, int k, float alpha, const float *a,
               int64_t lda, const float *b, int64_t ldb, float beta, float *c, int64_t ldc, const float *colBias) {
    if (transA)
        return transB ? gemmLaunch<true, true>(function, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, colBias)
                      : gemmLaunch<true, false>(function, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, colBias);
    return transB ? gemmLaunch<false, true>(function, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, colBias)
                  : gemmLaunch<false, false>(function, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, colBias);
}

ag_status allocWorkspace(const char *function, size_t bytes, float **block) {
    void *memory = nullptr;
    const cudaError_t error = cudaMallocAsync(&memory, bytes, context().stream);
    if (error == cudaErrorMemoryAllocation) {
        (void)cudaGetLastError();
        size_t freeBytes = 0, totalBytes = 0;
        if (cudaMemGetInfo(&freeBytes, &totalBytes) != cudaSuccess) (void)cudaGetLastError();
        return ag_fail(AG_ERR_OUT_OF_MEMORY, "%s: out of device memory allocating a %zu-byte workspace (free %zu of %zu bytes)",
                       function, bytes, freeBytes, totalBytes);
    }
    if (error != cudaSuccess) return fail(error, function, __FILE__, __LINE__);
    *block = static_cast<float *>(memory);
    return AG_OK;
}

ag_status freeWorkspace(const char *function, float *block) {
    const cudaError_t error = cudaFreeAsync(block, context().stream);
    return error == cudaSuccess ? AG_OK : fail(error, function, __FILE__, __LINE__);
}

ag_status sumSplits(const char *function, const float *workspace, int splits, int64_t count, float *out) {
    sumSplitsKernel<<<gridSize(count), ag::cuda::kThreads, 0, context().stream>>>(workspace, splits, count, out);
    return launched(function);
}

ag_status sumChannels(const char *function, const float *dy, int n, int channels, int64_t plane, float *biasGrad) {
    sumChannelsKernel<<<(unsigned)channels, kReduceThreads, 0, context().stream>>>(dy, n, channels, plane, biasGrad);
    return launched(function);
}

ag_status sumColumns(const char *function, const float *dy, int rows, int cols, float *biasGrad) {
    const unsigned blocks = (unsigned)((cols + kReduceThreads - 1) / kReduceThreads);
    sumColumnsKernel<<<blocks, kReduceThreads, 0, context().stream>>>(dy, rows, cols, biasGrad);
    return launched(function);
}

}  // namespace ag::cuda::tile

// TF32 tensor cores for gemm, linear and the convolutions (enabled != 0, the default) or strict
// FP32 (0). A process-wide switch read at each launch; needs no device.
extern "C" ag_status ag_cuda_set_tf32(int enabled) {
    ag::cuda::tile::tf32.store(enabled != 0, std::memory_order_relaxed);
    return AG_OK;
}

// c (m,n) = alpha * op(a) op(b) + beta * c; a (m,k) or (k,m), b (k,n) or (n,k), all row-major
extern "C" ag_status ag_cuda_gemm(int transA, int transB, int m, int n, int k, float alpha, const float *a, int lda,
                                  const float *b, int ldb, float beta, float *c, int ldc) {
    AG_CHECK(ag_gemm_check(transA, transB, m, n, k, a, lda, b, ldb, c, ldc));
    AG_CUDA_REQUIRE_CONTEXT();
    if (k == 0 || alpha == 0.0f) {
        ag::cuda::tile::scaleKernel<<<ag::cuda::gridSize((int64_t)m * n), ag::cuda::kThreads, 0,
                                      ag::cuda::context().stream>>>(c, ldc, m, n, beta);
        AG_CUDA_LAUNCH_CHECK();
        return AG_OK;
    }
    return ag::cuda::tile::gemm(__func__, transA != 0, transB != 0, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc,
                                nullptr);
}
