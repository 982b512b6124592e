// Operands and epilogues of tile_gemm.cuh shared by conv2d.cu and conv_transpose2d.cu (NCHW
// tensors seen as GEMM matrices whose columns run over (image, pixel)), and the split-K driver
// of their weight gradients: fixed chunks into a pool workspace, summed in chunk order, then added
// (+=) into weightGrad, so the gradient is the same on every run.
#ifndef AG_CUDA_CONV_TILES_CUH
#define AG_CUDA_CONV_TILES_CUH

#include "scratch.cuh"
#include "tile_gemm.cuh"

namespace ag::cuda::tile {

// src (n, channels, plane) as rows of channels and depth k = (image, pixel): row r, depth k is
// src[image][r][pixel]. The A operand of the weight gradients (dy for conv2d, x for conv_transpose2d).
struct ChannelRows {
    static constexpr bool kAlongK = true;
    const float *src;
    int channels, plane;
    __host__ __device__ float operator()(int row, int k) const {
        const int image = k / plane, pixel = k - image * plane;
        return src[((int64_t)image * channels + row) * plane + pixel];
    }
};

// C (channel m, column n = (image, pixel)) -> dst (n, channels, plane) at [image][m][pixel],
// plus bias[m] when bias is not NULL (the forward's fused bias).
struct ImageStore {
    float *dst;
    int channels, plane;
    const float *bias;
    __host__ __device__ void operator()(int m, int n, float value, int) const {
        const int image = n / plane, pixel = n - image * plane;
        dst[((int64_t)image * channels + m) * plane + pixel] = bias ? value + bias[m] : value;
    }
};

// C (M, N) of chunk z -> out[z*count + m*N + n] (count = M*N): stored when every chunk has its own
// workspace slice, added (+=) when there is one chunk and out is the gradient itself.
struct SplitStore {
    float *out;
    int64_t count;
    int N;
    bool accumulate;
    __host__ __device__ void operator()(int m, int n, float value, int z) const {
        float *e = out + z * count + (int64_t)m * N + n;
        *e = accumulate ? *e + value : value;
    }
};

// weightGrad (M, N) += A (M, K) . B (K, N)^T-as-functor, K split into the fixed chunks of
// planSplitK; with more than one chunk the partial products go through a pool workspace.
template <class OperandA, class OperandB>
ag_status weightGradient(const char *function, const OperandA &a, const OperandB &b, int M, int N, int K,
                         float *weightGrad) {
    const SplitK split = planSplitK(M, N, K);
    const int64_t count = (int64_t)M * N;
    if (split.splits == 1) return launch(function, a, b, SplitStore{weightGrad, count, N, true}, M, N, K, split);
    float *workspace = nullptr;
    ag_status status = allocWorkspace(function, (size_t)split.splits * count * sizeof(float), &workspace);
    if (status != AG_OK) return status;
    status = launch(function, a, b, SplitStore{workspace, count, N, false}, M, N, K, split);
    if (status == AG_OK) status = sumSplits(function, workspace, split.splits, count, weightGrad);
    if (status == AG_OK) return freeWorkspace(function, workspace);
    cleanUpAfterFailure([&] { return freeWorkspace(function, workspace); });
    return status;
}

}  // namespace ag::cuda::tile

#endif
