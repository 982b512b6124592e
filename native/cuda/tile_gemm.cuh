// The tiled GEMM engine behind ag_cuda_gemm, linear and the convolutions: one kernel template
//   C (M,N) = sum over k of A (M,K) . B (K,N), handed element by element to an epilogue,
// whose operands are functors that read A(m, k) and B(n, k) straight from wherever they live (a
// plain matrix, an image read through a convolution window, ...), so a convolution is an implicit
// GEMM with no im2col buffer in global memory. Each 128-thread block computes a 64x64 tile of C,
// staging 64x16 slices of A and B in shared memory (register double buffer: the next slice is read
// from global memory while the tensor cores work on the current one). Two bodies, one structure:
//   - TF32 (the default, like PyTorch's cuDNN convolutions): nvcuda::wmma m16n16k8 with
//     precision::tf32 and FP32 accumulation; operands are rounded to TF32 once, when staged;
//   - strict FP32 (ag_cuda_set_tf32(0)): each thread accumulates an 8x4 block with FMAs.
// blockIdx.z selects one of a fixed number of chunks of K (split-K); the epilogue gets the chunk
// and writes it to its own slice of a workspace that sumSplits() then adds up in a fixed order.
// Every sum is taken in an order fixed by the shape alone: results are deterministic run to run.
//
// Resources (nvcc 13.0 -Xptxas -v, sm_80/sm_90; docs/kernels-cuda.md): 17408 bytes of static shared
// memory per block and __launch_bounds__(128, 3), i.e. at most 168 registers per thread so that 3
// blocks fit on a multiprocessor; the instantiations use 134 to 168 of them, with no spills.
#ifndef AG_CUDA_TILE_GEMM_CUH
#define AG_CUDA_TILE_GEMM_CUH

#include <mma.h>

#include <algorithm>
#include <type_traits>

#include "common.cuh"

namespace ag::cuda::tile {

constexpr int kTileM = 64, kTileN = 64, kTileK = 16;  // block tile of C and depth of one slice
constexpr int kThreads = 128;                          // 4 warps in 2x2, each owning 32x32 of C
constexpr int kLd = kTileM + 4;                        // shared row stride (floats): 16-byte multiple
constexpr int kSliceFloats = kTileK * kLd;             // one staged 16 x 64 operand slice
constexpr int kLoads = kTileM * kTileK / kThreads;     // elements each thread stages per operand
constexpr int kMaxSplits = 64;                         // gridDim.z cap for split-K
static_assert(kTileM == kTileN, "both operands share one staging layout");
static_assert(kTileM * kLd <= 4 * kSliceFloats, "the C tile reuses the staging buffers");

// Shared staging: [buffer][operand][k][row], row = m for A and n for B; reused for the C tile.
struct Shared {
    float slices[2][2][kSliceFloats];
};

// Where thread `thread` stages its load number i of one operand slice: k (0..15) and row (0..63).
// An operand whose consecutive k are adjacent in memory (kAlongK) gives consecutive threads
// consecutive k; otherwise consecutive rows. Either way a warp reads contiguous global memory.
template <bool kAlongK>
__host__ __device__ __forceinline__ void slot(int thread, int i, int &k, int &row) {
    const int index = thread + i * kThreads;
    if (kAlongK) {
        k = index % kTileK;
        row = index / kTileK;
    } else {
        k = index / kTileM;
        row = index % kTileM;
    }
}

// Reads one operand's slice at depth k0 into registers: zero where row >= rows or k >= kEnd.
template <class Operand>
__device__ __forceinline__ void fetch(const Operand &operand, int row0, int rows, int k0, int kEnd,
                                      float (&staged)[kLoads]) {
#pragma unroll
    for (int i = 0; i < kLoads; ++i) {
        int k, row;
        slot<Operand::kAlongK>(threadIdx.x, i, k, row);
        const bool inside = row0 + row < rows && k0 + k < kEnd;
        staged[i] = inside ? operand(row0 + row, k0 + k) : 0.0f;
    }
}

// Writes the registers of fetch() into a shared slice [k][row], rounded to TF32 when kTf32.
template <bool kTf32, class Operand>
__device__ __forceinline__ void stage(float *slice, const float (&staged)[kLoads]) {
#pragma unroll
    for (int i = 0; i < kLoads; ++i) {
        int k, row;
        slot<Operand::kAlongK>(threadIdx.x, i, k, row);
        slice[k * kLd + row] = kTf32 ? nvcuda::wmma::__float_to_tf32(staged[i]) : staged[i];
    }
}

// One warp's 32x32 of C on the tensor cores: 2x2 accumulators of 16x16, k in steps of 8.
struct TensorCoreTile {
    using Accumulator = nvcuda::wmma::fragment<nvcuda::wmma::accumulator, 16, 16, 8, float>;
    Accumulator acc[2][2];

    __device__ void clear() {
#pragma unroll
        for (int i = 0; i < 2; ++i)
#pragma unroll
            for (int j = 0; j < 2; ++j) nvcuda::wmma::fill_fragment(acc[i][j], 0.0f);
    }

    // a, b: shared slices [k][m] and [k][n] (already TF32); A is read column-major (m fastest).
    __device__ void multiply(const float *a, const float *b) {
        using namespace nvcuda;
        const int warp = threadIdx.x / 32, warpM = (warp / 2) * 32, warpN = (warp % 2) * 32;
#pragma unroll
        for (int k = 0; k < kTileK; k += 8) {
            wmma::fragment<wmma::matrix_a, 16, 16, 8, wmma::precision::tf32, wmma::col_major> fa[2];
            wmma::fragment<wmma::matrix_b, 16, 16, 8, wmma::precision::tf32, wmma::row_major> fb[2];
#pragma unroll
            for (int i = 0; i < 2; ++i) wmma::load_matrix_sync(fa[i], a + k * kLd + warpM + 16 * i, kLd);
#pragma unroll
            for (int j = 0; j < 2; ++j) wmma::load_matrix_sync(fb[j], b + k * kLd + warpN + 16 * j, kLd);
#pragma unroll
            for (int i = 0; i < 2; ++i)
#pragma unroll
                for (int j = 0; j < 2; ++j) wmma::mma_sync(acc[i][j], fa[i], fb[j], acc[i][j]);
        }
    }

    // The block's C tile into shared memory c (64 rows of kLd floats, row-major).
    __device__ void store(float *c) const {
        using namespace nvcuda;
        const int warp = threadIdx.x / 32, warpM = (warp / 2) * 32, warpN = (warp % 2) * 32;
#pragma unroll
        for (int i = 0; i < 2; ++i)
#pragma unroll
            for (int j = 0; j < 2; ++j)
                wmma::store_matrix_sync(c + (warpM + 16 * i) * kLd + warpN + 16 * j, acc[i][j], kLd,
                                        wmma::mem_row_major);
    }
};

// One thread's 8 rows x 4 columns of C in strict FP32: rows 8*(thread/16).., columns 4*(thread%16)..
struct SimtTile {
    float acc[8][4];

    __device__ void clear() {
#pragma unroll
        for (int i = 0; i < 8; ++i)
#pragma unroll
            for (int j = 0; j < 4; ++j) acc[i][j] = 0.0f;
    }

    __device__ void multiply(const float *a, const float *b) {
        const int row = (threadIdx.x / 16) * 8, col = (threadIdx.x % 16) * 4;
#pragma unroll
        for (int k = 0; k < kTileK; ++k) {
            const float4 a0 = *reinterpret_cast<const float4 *>(a + k * kLd + row);
            const float4 a1 = *reinterpret_cast<const float4 *>(a + k * kLd + row + 4);
            const float4 bk = *reinterpret_cast<const float4 *>(b + k * kLd + col);
            const float av[8] = {a0.x, a0.y, a0.z, a0.w, a1.x, a1.y, a1.z, a1.w};
            const float bv[4] = {bk.x, bk.y, bk.z, bk.w};
#pragma unroll
            for (int i = 0; i < 8; ++i)
#pragma unroll
                for (int j = 0; j < 4; ++j) acc[i][j] = fmaf(av[i], bv[j], acc[i][j]);
        }
    }

    __device__ void store(float *c) const {
        const int row = (threadIdx.x / 16) * 8, col = (threadIdx.x % 16) * 4;
#pragma unroll
        for (int i = 0; i < 8; ++i)
            *reinterpret_cast<float4 *>(c + (row + i) * kLd + col) =
                make_float4(acc[i][0], acc[i][1], acc[i][2], acc[i][3]);
    }
};

// C (m, n) for the block (blockIdx.y, blockIdx.x), k in chunk blockIdx.z: [z*chunk, min(K, (z+1)*chunk)).
// A: functor a(m, k) with kAlongK; B: functor b(n, k) with kAlongK; epilogue(m, n, value, chunk) is
// called once per element of C inside (M, N), consecutive threads on consecutive n.
template <bool kTf32, class OperandA, class OperandB, class Epilogue>
__global__ void __launch_bounds__(kThreads, 3)
    tiledGemm(OperandA a, OperandB b, Epilogue epilogue, int M, int N, int K, int chunk) {
    __shared__ __align__(128) Shared shared;
    const int m0 = blockIdx.y * kTileM, n0 = blockIdx.x * kTileN;
    const int kBegin = blockIdx.z * chunk, kEnd = min(K, kBegin + chunk);
    using Tile = typename std::conditional<kTf32, TensorCoreTile, SimtTile>::type;
    Tile tile;
    tile.clear();
    float stagedA[kLoads], stagedB[kLoads];
    fetch(a, m0, M, kBegin, kEnd, stagedA);
    fetch(b, n0, N, kBegin, kEnd, stagedB);
    stage<kTf32, OperandA>(shared.slices[0][0], stagedA);
    stage<kTf32, OperandB>(shared.slices[0][1], stagedB);
    __syncthreads();
    int buffer = 0;
    for (int k0 = kBegin; k0 < kEnd; k0 += kTileK) {
        const bool more = k0 + kTileK < kEnd;
        if (more) {
            fetch(a, m0, M, k0 + kTileK, kEnd, stagedA);
            fetch(b, n0, N, k0 + kTileK, kEnd, stagedB);
        }
        tile.multiply(shared.slices[buffer][0], shared.slices[buffer][1]);
        if (more) {
            stage<kTf32, OperandA>(shared.slices[buffer ^ 1][0], stagedA);
            stage<kTf32, OperandB>(shared.slices[buffer ^ 1][1], stagedB);
        }
        __syncthreads();
        buffer ^= 1;
    }
    float *c = &shared.slices[0][0][0];
    tile.store(c);
    __syncthreads();
    for (int index = threadIdx.x; index < kTileM * kTileN; index += kThreads) {
        const int row = index / kTileN, col = index % kTileN;
        if (m0 + row < M && n0 + col < N) epilogue(m0 + row, n0 + col, c[row * kLd + col], (int)blockIdx.z);
    }
}

// A row-major matrix as an operand: row r at depth k is p[r*ld + k], or p[k*ld + r] when kTrans.
// As A(m, k): op(a) = a (kTrans false) or a^T (true); as B(n, k): op(b) = b^T (false) or b (true).
template <bool kTrans>
struct MatrixOperand {
    static constexpr bool kAlongK = !kTrans;
    const float *p;
    int64_t ld;
    __host__ __device__ float operator()(int row, int k) const {
        return kTrans ? p[(int64_t)k * ld + row] : p[(int64_t)row * ld + k];
    }
};

// How K is cut for a problem: `splits` chunks of `chunk` (a multiple of kTileK), the last one shorter.
struct SplitK {
    int splits, chunk;
};

// No split: one chunk holding all of K.
inline SplitK whole(int K) { return {1, (K + kTileK - 1) / kTileK * kTileK}; }

// A split that depends on the shape alone (never on the device), so sums are reproducible
// everywhere: enough chunks for about 256 blocks, each chunk at least 512 deep, at most 64.
inline SplitK planSplitK(int M, int N, int K) {
    constexpr int kTargetBlocks = 256, kMinChunk = 512;
    const int64_t tiles = (int64_t)((M + kTileM - 1) / kTileM) * ((N + kTileN - 1) / kTileN);
    int64_t splits = (kTargetBlocks + tiles - 1) / tiles;
    splits = std::min<int64_t>(splits, std::max(1, K / kMinChunk));
    splits = std::max<int64_t>(1, std::min<int64_t>(splits, kMaxSplits));
    const int64_t chunk = ((K + splits - 1) / splits + kTileK - 1) / kTileK * kTileK;
    return {(int)((K + chunk - 1) / chunk), (int)chunk};
}

// Whether the tensor-core (TF32) body runs; set by ag_cuda_set_tf32 (gemm.cu).
bool tf32Enabled();

// Queues tiledGemm on the context's stream (TF32 or strict FP32 body) and checks the launch,
// naming `function` on failure.
template <class OperandA, class OperandB, class Epilogue>
ag_status launch(const char *function, const OperandA &a, const OperandB &b, const Epilogue &epilogue, int M, int N,
                 int K, SplitK split) {
    const dim3 grid((unsigned)((N + kTileN - 1) / kTileN), (unsigned)((M + kTileM - 1) / kTileM),
                    (unsigned)split.splits);
    if (grid.y > 65535u) return ag_fail(AG_ERR_INVALID_ARGUMENT, "%s: M = %d is too large (max %d)", function, M,
                                        65535 * kTileM);
    cudaStream_t stream = context().stream;
    if (tf32Enabled())
        tiledGemm<true><<<grid, kThreads, 0, stream>>>(a, b, epilogue, M, N, K, split.chunk);
    else
        tiledGemm<false><<<grid, kThreads, 0, stream>>>(a, b, epilogue, M, N, K, split.chunk);
    const cudaError_t error = cudaGetLastError();
    return error == cudaSuccess ? AG_OK : fail(error, function, __FILE__, __LINE__);
}

// c (m,n) = alpha * op(a) op(b) + beta * c (+ colBias (n) on every row, or NULL), the semantics of
// ag_cuda_gemm on already validated arguments (k >= 1); queued on the context's stream (gemm.cu).
ag_status gemm(const char *function, bool transA, bool transB, int m, int n, int k, float alpha, const float *a,
               int64_t lda, const float *b, int64_t ldb, float beta, float *c, int64_t ldc, const float *colBias);

// ---- deterministic reductions and workspace (gemm.cu) --------------------------------------

// *block = bytes from the stream-ordered pool on the context's stream; the message of a failure
// names the bytes asked for and the bytes free.
ag_status allocWorkspace(const char *function, size_t bytes, float **block);
// Returns the block to the pool once the queued work has used it.
ag_status freeWorkspace(const char *function, float *block);
// out (count) += sum over s < splits of workspace (splits, count), s in order.
ag_status sumSplits(const char *function, const float *workspace, int splits, int64_t count, float *out);
// biasGrad (channels) += sum over images and plane of dy (n, channels, plane), in a fixed order.
ag_status sumChannels(const char *function, const float *dy, int n, int channels, int64_t plane, float *biasGrad);
// biasGrad (cols) += sum over rows of dy (rows, cols), rows in order.
ag_status sumColumns(const char *function, const float *dy, int rows, int cols, float *biasGrad);

}  // namespace ag::cuda::tile

#endif
