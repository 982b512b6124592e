// The CPU GEMM engine behind ag_cpu_gemm, linear and the convolutions (internal C++, not part of the
// C API). A BLIS-style driver: op(A) and op(B) come from packers that write register-block panels
// (so a convolution can pack its im2col operand straight from the image), C may be a batch of
// images (one column group per image), and OpenMP threads split C, never K, so every element is
// summed in the same order for any number of threads.
#ifndef AG_CPU_GEMM_H
#define AG_CPU_GEMM_H

#include "ag/kernels.h"

#include <cstddef>
#include <cstdint>

namespace ag::cpu {

// One micro-kernel. run() computes a full mr x nr tile:
//   c = alpha * sum_p a[p][i] b[p][j] + beta * c + bias[i]   (beta == 0: c not read; bias may be NULL)
// a: kc x mr packed panel, b: kc x nr packed panel (64-byte aligned); tile row i, columns
// v*vw .. v*vw+vw-1 live at c[v] + i*ldc (each vector of vw columns is contiguous).
struct GemmKernel {
    const char *name;
    int mr, nr, vw;  // register block and the width of one contiguous column vector
    int kc;          // the largest k block: the depth its loop and prefetching are built for
    void (*run)(int kc, const float *a, const float *b, float *const *c, int64_t ldc, float alpha, float beta,
                const float *bias);
};
extern const GemmKernel kGemmKernelAvx512;   // gemm_kernel_avx512.cpp
extern const GemmKernel kGemmKernelAvx2;     // gemm_kernel_avx2.cpp
extern const GemmKernel kGemmKernelPortable; // gemm_kernel_portable.cpp

// The kernel chosen for this CPU (AVX-512, else AVX2 + FMA, else portable), fixed at first use.
const GemmKernel &gemmKernel();

// The cache blocks of gemm() for this CPU and gemmKernel() (gemm_blocking.cpp), fixed at first use:
// the caches' sizes per core in bytes, and the blocks derived from them.
struct Blocking {
    int64_t l1d, l2, l3;
    int mc, nc;                 // rows of A per packed block (a multiple of mr); columns of B (of nr)
    int64_t blockAFloats;       // the largest k block of a whole packed A (kept in L2)
    int64_t stripCFloats;       // a strip of C kept in L2 across the k blocks
};
const Blocking &blocking();

// The vector ISA of the packers whose panels feed the chosen kernel nr columns wide: AVX-512 (16
// floats a vector) under the AVX-512 kernel, AVX2 (8) under the AVX2 kernel, plain C++ under the
// portable one or where nr is not a whole number of vectors.
enum class PackIsa { kPlain, kAvx2, kAvx512 };
PackIsa packIsa(int nr);

// Supplies op(A) (m x k) as mr-row panels: for rows i0 .. i0+mc and columns p0 .. p0+kc, panel r
// is written at dst + r*mr*kc as kc x mr (column p, then rows); the last panel's rows past i0+mc
// are zero.
class GemmA {
public:
    virtual void pack(float *dst, int i0, int mc, int p0, int kc, int mr) const = 0;

protected:
    ~GemmA() = default;
};

// Supplies op(B) (k x n) as nr-column panels: for rows p0 .. p0+kc and columns j0 .. j0+nc, panel
// r is written at dst + r*nr*kc as kc x nr (row p, then columns); the last panel's columns past
// j0+nc are zero.
class GemmB {
public:
    virtual void pack(float *dst, int p0, int kc, int j0, int nc, int nr) const = 0;

protected:
    ~GemmB() = default;
};

// Where C (m x n) lives: element (i, j) is at c[i*ldc + (j / groupCols)*groupStride + j % groupCols].
// A plain matrix is one group (groupCols >= n); a batch of NCHW images is one group per image.
// rowBias (m) or NULL is added once.
struct GemmC {
    float *c;
    int64_t ldc;
    int64_t groupCols;
    int64_t groupStride;
    const float *rowBias;
};

// c = alpha * op(A) op(B) + beta * c (+ rowBias); beta == 0 ignores c's old contents. Runs an
// OpenMP team unless called inside one. k may be 0 (then c = beta * c + rowBias). Returns AG_OK, or
// AG_ERR_OUT_OF_MEMORY (with ag_fail's message) when a packing buffer cannot be allocated.
ag_status gemm(int m, int n, int k, float alpha, const GemmA &a, const GemmB &b, float beta, const GemmC &c);

// Plain row-major op(A): a (m,k) with lda, or (k,m) when trans.
class MatrixA final : public GemmA {
public:
    MatrixA(bool trans, const float *a, int64_t lda) : trans_(trans), a_(a), lda_(lda) {}
    void pack(float *dst, int i0, int mc, int p0, int kc, int mr) const override;

private:
    bool trans_;
    const float *a_;
    int64_t lda_;
};

// Plain row-major op(B): b (k,n) with ldb, or (n,k) when trans.
class MatrixB final : public GemmB {
public:
    MatrixB(bool trans, const float *b, int64_t ldb) : trans_(trans), b_(b), ldb_(ldb) {}
    void pack(float *dst, int p0, int kc, int j0, int nc, int nr) const override;

private:
    bool trans_;
    const float *b_;
    int64_t ldb_;
};

// op(B) (k, groups*groupCols) = [b_0 | b_1 | ...]: group g is a (k, groupCols) matrix at
// b + g*groupStride with row stride ldb (a batch of NCHW images seen as channels x pixels).
class BatchMatrixB final : public GemmB {
public:
    BatchMatrixB(const float *b, int64_t ldb, int groupCols, int64_t groupStride)
        : b_(b), ldb_(ldb), groupCols_(groupCols), groupStride_(groupStride) {}
    void pack(float *dst, int p0, int kc, int j0, int nc, int nr) const override;

private:
    const float *b_;
    int64_t ldb_;
    int groupCols_;
    int64_t groupStride_;
};

// c (m,n) = alpha * op(a) op(b) + beta * c on plain row-major matrices (BLAS conventions).
ag_status gemm(bool transA, bool transB, int m, int n, int k, float alpha, const float *a, int64_t lda,
               const float *b, int64_t ldb, float beta, float *c, int64_t ldc);

// The calling thread's grow-only, 64-byte aligned scratch buffer number slot (0 .. 7), at least
// floats long (NULL if that cannot be allocated). Slots 0, 1 and 2 belong to gemm() itself;
// callers use 3 and up.
float *scratch(int slot, size_t floats);

// The sum of x (n) in double, in an order fixed by n alone (the biases' gradients).
double sumFloats(const float *x, int64_t n);

// x (batch, rows, cols) -> y (batch, cols, rows), OpenMP over the batch and row blocks.
void transposeBatch(const float *x, float *y, int batch, int rows, int cols);

// src (16 rows, stride srcStride) -> dst (16 rows, stride dstStride) transposed; AVX-512 CPUs only.
void transpose16x16Avx512(const float *src, int64_t srcStride, float *dst, int64_t dstStride);

// src (8 rows, stride srcStride) -> dst (8 rows, stride dstStride) transposed; AVX2 CPUs only.
void transpose8x8Avx2(const float *src, int64_t srcStride, float *dst, int64_t dstStride);

} // namespace ag::cpu

#endif
