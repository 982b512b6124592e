// CPU GEMM: the BLIS-style blocked driver (loops jc -> pc -> ic -> jr -> ir around a register-blocked
// micro-kernel from gemm_kernel_*.cpp), the micro-kernel and packing-ISA choice for this CPU, the
// packers of plain row-major matrices, the scratch buffers, the bias sum, and ag_cpu_gemm. Threads
// split C into column (or row) strips of whole tiles and every element is summed over k in the same
// blocks, so results do not depend on the thread count.
#include "ag/backend.h"
#include "ag/cpu_gemm.h"
#include "ag/gemm_args.h"
#include "ag/status.h"

#include <omp.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>

namespace ag::cpu {
namespace {

bool supported(const GemmKernel &kernel) {
    if (&kernel == &kGemmKernelAvx512) return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("fma");
    if (&kernel == &kGemmKernelAvx2) return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    return true;
}

// The fastest kernel this CPU runs; AG_CPU_GEMM_KERNEL=avx512|avx2|portable forces one (tests use
// it to cover the fallbacks) when the CPU supports it.
const GemmKernel &selectKernel() {
    __builtin_cpu_init();
    const GemmKernel *all[] = {&kGemmKernelAvx512, &kGemmKernelAvx2, &kGemmKernelPortable};
    if (const char *forced = std::getenv("AG_CPU_GEMM_KERNEL"))
        for (const GemmKernel *kernel : all)
            if (std::strncmp(kernel->name, forced, std::strlen(forced)) == 0 && supported(*kernel)) return *kernel;
    for (const GemmKernel *kernel : all)
        if (supported(*kernel)) return *kernel;
    return kGemmKernelPortable;
}

struct Buffer {
    float *data = nullptr;
    size_t floats = 0;
    ~Buffer() { std::free(data); }
};
constexpr int kScratchSlots = 8;
thread_local Buffer buffers[kScratchSlots];

constexpr int kMaxTile = 512;              // mr * nr of every kernel fits
constexpr int kMaxRows = 16;               // mr of every kernel
constexpr int kMaxPanel = 64;              // nr of every kernel; vw >= 4
constexpr int64_t kWholeAFloats = 1 << 20; // op(A) is packed once when it is at most this big (4 MiB)

// What one thread computes: rows [m0, m1) and columns [n0, n1) of C.
struct Strip {
    int m0, m1, n0, n1;
};

// How one call is blocked: k in blocks of kc, rows in blocks of mc, columns in blocks of nc
// (multiples of mr and nr); a strip of C of stripC floats. wholeA, when not NULL, is all of op(A)
// packed up front: the k block starting at p0 lies at wholeA + p0 * mPad.
struct Plan {
    int kc, mc, nc;
    int64_t stripC;
    const float *wholeA;
    int mPad;
};

float *element(const GemmC &c, int i, int j) {
    return c.c + i * c.ldc + (j / c.groupCols) * c.groupStride + j % c.groupCols;
}

// One mr x nr tile whose rows or column vectors are not all in place: gather, run, scatter. offset
// (nr/vw), when not NULL, says that the tile's column vectors are whole and where each starts in a
// row of C; then only the rows are partial and go as whole vectors.
void edgeTile(const GemmKernel &kernel, int kc, const float *a, const float *b, const GemmC &c, int i, int j,
              int rows, int cols, float alpha, float beta, const float *bias, const int64_t *offset) {
    alignas(64) float tile[kMaxTile] = {};
    float tileBias[kMaxRows] = {};
    float *vectors[kMaxPanel / 4];
    const int vw = kernel.vw, count = kernel.nr / vw;
    for (int v = 0; v < count; ++v) vectors[v] = tile + v * vw;
    for (int r = 0; r < rows; ++r) {
        if (bias) tileBias[r] = bias[i + r];
        if (beta == 0.0f) continue;
        if (offset)
            for (int v = 0; v < count; ++v)
                std::memcpy(tile + r * kernel.nr + v * vw, c.c + (i + r) * c.ldc + offset[v], vw * sizeof(float));
        else
            for (int col = 0; col < cols; ++col) tile[r * kernel.nr + col] = *element(c, i + r, j + col);
    }
    kernel.run(kc, a, b, vectors, kernel.nr, alpha, beta, bias ? tileBias : nullptr);
    for (int r = 0; r < rows; ++r) {
        if (offset)
            for (int v = 0; v < count; ++v)
                std::memcpy(c.c + (i + r) * c.ldc + offset[v], tile + r * kernel.nr + v * vw, vw * sizeof(float));
        else
            for (int col = 0; col < cols; ++col) *element(c, i + r, j + col) = tile[r * kernel.nr + col];
    }
}

void runStrip(const GemmKernel &kernel, const Plan &plan, const Strip &s, int k, float alpha, const GemmA &a,
              const GemmB &b, float beta, const GemmC &c, float *packedA, float *packedB) {
    const int mr = kernel.mr, nr = kernel.nr, vw = kernel.vw, vectors = nr / vw;
    // With a single block of rows nothing reuses a block of B, so B is packed one panel at a time
    // right before its kernels read it, and the column blocks keep the C strip in L2 instead.
    const bool panelwise = plan.wholeA || s.m1 - s.m0 <= plan.mc;
    const int mcBlock = panelwise ? s.m1 - s.m0 : plan.mc;
    const int ncBlock = panelwise ? std::max(nr, (int)(plan.stripC / (s.m1 - s.m0)) / nr * nr) : plan.nc;
    for (int jc = s.n0; jc < s.n1; jc += ncBlock) {
        const int nc = std::min(ncBlock, s.n1 - jc);
        for (int pc = 0; pc < k; pc += plan.kc) {
            const int kc = std::min(plan.kc, k - pc);
            const float blockBeta = pc == 0 ? beta : 1.0f;
            const float *blockBias = pc == 0 ? c.rowBias : nullptr;
            if (!panelwise) b.pack(packedB, pc, kc, jc, nc, nr);
            for (int ic = s.m0; ic < s.m1; ic += mcBlock) {
                const int mc = std::min(mcBlock, s.m1 - ic);
                const float *blockA = packedA;
                if (plan.wholeA)
                    blockA = plan.wholeA + (int64_t)pc * plan.mPad + (int64_t)ic * kc;
                else
                    a.pack(packedA, ic, mc, pc, kc, mr);
                for (int jr = 0; jr < nc; jr += nr) {
                    const int j = jc + jr, cols = std::min(nr, nc - jr);
                    // each vector of vw columns must be contiguous (inside one group) for the fast path
                    int64_t offset[kMaxPanel / 4];
                    bool inPlace = cols == nr;
                    for (int v = 0; v < vectors && inPlace; ++v) {
                        const int64_t first = j + v * vw, last = first + vw - 1;
                        inPlace = first / c.groupCols == last / c.groupCols;
                        offset[v] = (first / c.groupCols) * c.groupStride + first % c.groupCols;
                    }
                    const float *panelB = packedB + (int64_t)jr * kc;
                    if (panelwise) {
                        b.pack(packedB, pc, kc, j, cols, nr);
                        panelB = packedB;
                    }
                    for (int ir = 0; ir < mc; ir += mr) {
                        const int i = ic + ir, rows = std::min(mr, mc - ir);
                        const float *panelA = blockA + (int64_t)ir * kc;
                        if (inPlace && rows == mr) {
                            float *out[kMaxPanel / 4];
                            for (int v = 0; v < vectors; ++v) out[v] = c.c + i * c.ldc + offset[v];
                            kernel.run(kc, panelA, panelB, out, c.ldc, alpha, blockBeta,
                                       blockBias ? blockBias + i : nullptr);
                        } else {
                            edgeTile(kernel, kc, panelA, panelB, c, i, j, rows, cols, alpha, blockBeta, blockBias,
                                     inPlace ? offset : nullptr);
                        }
                    }
                }
            }
        }
    }
}

// c = beta * c (+ rowBias): the whole product when k == 0 or alpha == 0.
void scaleOnly(int m, int n, float beta, const GemmC &c) {
    for (int i = 0; i < m; ++i)
        for (int j = 0; j < n; ++j) {
            float *e = element(c, i, j);
            const float t = beta != 0.0f ? beta * *e : 0.0f;
            *e = c.rowBias ? t + c.rowBias[i] : t;
        }
}

// Packing plain matrices is a copy the compiler vectorizes; target_clones adds AVX-512 and AVX2 builds.
__attribute__((target_clones("avx512f", "avx2", "default"))) void packMatrixA(bool trans, const float *a,
                                                                              int64_t lda, float *dst, int i0, int mc,
                                                                              int p0, int kc, int mr) {
    for (int r = 0; r < mc; r += mr, dst += (int64_t)mr * kc) {
        const int rows = std::min(mr, mc - r);
        if (trans) {
            for (int p = 0; p < kc; ++p) {
                const float *src = a + (int64_t)(p0 + p) * lda + i0 + r;
                float *out = dst + p * mr;
                if (rows == 8 && mr == 8) { // the AVX-512 kernel's panels: one fixed-size copy
                    std::memcpy(out, src, 8 * sizeof(float));
                    continue;
                }
                for (int i = 0; i < rows; ++i) out[i] = src[i];
                for (int i = rows; i < mr; ++i) out[i] = 0.0f;
            }
        } else {
            for (int i = 0; i < mr; ++i) {
                const float *src = a + (int64_t)(i0 + r + i) * lda + p0;
                if (i < rows)
                    for (int p = 0; p < kc; ++p) dst[p * mr + i] = src[p];
                else
                    for (int p = 0; p < kc; ++p) dst[p * mr + i] = 0.0f;
            }
        }
    }
}

__attribute__((target_clones("avx512f", "avx2", "default"))) void packMatrixB(bool trans, const float *b,
                                                                              int64_t ldb, float *dst, int p0, int kc,
                                                                              int j0, int nc, int nr) {
    for (int r = 0; r < nc; r += nr, dst += (int64_t)nr * kc) {
        const int cols = std::min(nr, nc - r);
        if (trans) {
            for (int j = 0; j < nr; ++j) {
                const float *src = b + (int64_t)(j0 + r + j) * ldb + p0;
                if (j < cols)
                    for (int p = 0; p < kc; ++p) dst[p * nr + j] = src[p];
                else
                    for (int p = 0; p < kc; ++p) dst[p * nr + j] = 0.0f;
            }
        } else {
            for (int p = 0; p < kc; ++p) {
                const float *src = b + (int64_t)(p0 + p) * ldb + j0 + r;
                float *out = dst + p * nr;
                for (int j = 0; j < cols; ++j) out[j] = src[j];
                for (int j = cols; j < nr; ++j) out[j] = 0.0f;
            }
        }
    }
}

} // namespace

const GemmKernel &gemmKernel() {
    static const GemmKernel &kernel = selectKernel();
    return kernel;
}

PackIsa packIsa(int nr) {
    const GemmKernel &kernel = gemmKernel();
    if (&kernel == &kGemmKernelAvx512 && nr % 16 == 0) return PackIsa::kAvx512;
    if (&kernel == &kGemmKernelAvx2 && nr % 8 == 0) return PackIsa::kAvx2;
    return PackIsa::kPlain;
}

float *scratch(int slot, size_t floats) {
    Buffer &buffer = buffers[slot];
    if (buffer.floats < floats) {
        std::free(buffer.data);
        const size_t bytes = (floats * sizeof(float) + 63) / 64 * 64;
        buffer.data = static_cast<float *>(std::aligned_alloc(64, bytes));
        buffer.floats = buffer.data ? floats : 0;
    }
    return buffer.data;
}

ag_status gemm(int m, int n, int k, float alpha, const GemmA &a, const GemmB &b, float beta, const GemmC &c) {
    if (k == 0 || alpha == 0.0f) {
        scaleOnly(m, n, beta, c);
        return AG_OK;
    }
    const GemmKernel &kernel = gemmKernel();
    const int kBlocks = (k + kernel.kc - 1) / kernel.kc;
    const int tilesM = (m + kernel.mr - 1) / kernel.mr, tilesN = (n + kernel.nr - 1) / kernel.nr;
    const Blocking &cache = blocking();
    Plan plan = {(k + kBlocks - 1) / kBlocks, cache.mc, cache.nc, cache.stripCFloats, nullptr, tilesM * kernel.mr};
    int threads = omp_in_parallel() ? 1 : omp_get_max_threads();
    if ((double)m * n * k < 262144.0) threads = 1;
    const bool splitN = tilesN >= threads || tilesN >= tilesM;
    threads = std::min(threads, splitN ? tilesN : tilesM);
    // A small op(A) that every column block would repack (convolution weights) is packed once.
    if (splitN && (int64_t)plan.mPad * k <= kWholeAFloats && (int64_t)plan.mPad * plan.kc <= cache.blockAFloats) {
        float *wholeA = scratch(2, (size_t)plan.mPad * k);
        if (!wholeA) return ag_fail(AG_ERR_OUT_OF_MEMORY, "gemm: %lld bytes for A", (long long)plan.mPad * k * 4);
#pragma omp parallel for num_threads(threads) schedule(static) if (threads > 1)
        for (int block = 0; block < kBlocks; ++block) {
            const int p0 = block * plan.kc;
            a.pack(wholeA + (int64_t)p0 * plan.mPad, 0, m, p0, std::min(plan.kc, k - p0), kernel.mr);
        }
        plan.wholeA = wholeA;
    }
    const size_t packedA = plan.wholeA ? 0 : (size_t)std::min(plan.mc, plan.mPad) * plan.kc;
    const size_t packedB = (size_t)std::min(plan.nc, tilesN * kernel.nr) * plan.kc;
    bool outOfMemory = false;
#pragma omp parallel num_threads(threads) if (threads > 1) reduction(|| : outOfMemory)
    {
        const int parts = omp_get_num_threads(), t = omp_get_thread_num();
        float *bufA = scratch(0, packedA), *bufB = scratch(1, packedB);
        if ((packedA && !bufA) || !bufB) {
            outOfMemory = true;
        } else {
            const int tiles = splitN ? tilesN : tilesM, first = (int)((int64_t)tiles * t / parts),
                      last = (int)((int64_t)tiles * (t + 1) / parts);
            Strip s = {0, m, 0, n};
            if (splitN) {
                s.n0 = first * kernel.nr;
                s.n1 = std::min(n, last * kernel.nr);
            } else {
                s.m0 = first * kernel.mr;
                s.m1 = std::min(m, last * kernel.mr);
            }
            if (first < last) runStrip(kernel, plan, s, k, alpha, a, b, beta, c, bufA, bufB);
        }
    }
    if (outOfMemory)
        return ag_fail(AG_ERR_OUT_OF_MEMORY, "gemm: packing buffers of %zu bytes", (packedA + packedB) * sizeof(float));
    return AG_OK;
}

void MatrixA::pack(float *dst, int i0, int mc, int p0, int kc, int mr) const {
    packMatrixA(trans_, a_, lda_, dst, i0, mc, p0, kc, mr);
}

void MatrixB::pack(float *dst, int p0, int kc, int j0, int nc, int nr) const {
    packMatrixB(trans_, b_, ldb_, dst, p0, kc, j0, nc, nr);
}

void BatchMatrixB::pack(float *dst, int p0, int kc, int j0, int nc, int nr) const {
    for (int r = 0; r < nc; r += nr, dst += (int64_t)nr * kc) {
        // the panel's columns as runs inside one group: run s covers columns start[s] .. start[s+1]
        int start[kMaxPanel + 1], runs = 0;
        const float *src[kMaxPanel];
        const int cols = std::min(nr, nc - r);
        for (int jj = 0; jj < cols; ++runs) {
            const int j = j0 + r + jj, group = j / groupCols_, column = j % groupCols_;
            start[runs] = jj;
            src[runs] = b_ + group * groupStride_ + column;
            jj += std::min(cols - jj, groupCols_ - column);
        }
        start[runs] = cols;
        for (int p = 0; p < kc; ++p) {
            float *out = dst + p * nr;
            for (int run = 0; run < runs; ++run)
                std::memcpy(out + start[run], src[run] + (int64_t)(p0 + p) * ldb_,
                            (start[run + 1] - start[run]) * sizeof(float));
            std::fill(out + cols, out + nr, 0.0f);
        }
    }
}

ag_status gemm(bool transA, bool transB, int m, int n, int k, float alpha, const float *a, int64_t lda,
               const float *b, int64_t ldb, float beta, float *c, int64_t ldc) {
    const MatrixA opA(transA, a, lda);
    const MatrixB opB(transB, b, ldb);
    return gemm(m, n, k, alpha, opA, opB, beta, GemmC{c, ldc, n, 0, nullptr});
}

// 32 interleaved partial sums (independent chains the compiler keeps in vector registers), then
// added in order: the same result with or without AVX-512.
__attribute__((target_clones("avx512f", "avx2", "default"))) double sumFloats(const float *x, int64_t n) {
    constexpr int kLanes = 32;
    double partial[kLanes] = {};
    int64_t i = 0;
    for (; i + kLanes <= n; i += kLanes)
        for (int lane = 0; lane < kLanes; ++lane) partial[lane] += x[i + lane];
    for (int lane = 0; i < n; ++i, ++lane) partial[lane] += x[i];
    double sum = 0.0;
    for (int lane = 0; lane < kLanes; ++lane) sum += partial[lane];
    return sum;
}

} // namespace ag::cpu

// c (m,n) = alpha * op(a) op(b) + beta * c; a (m,k) or (k,m), b (k,n) or (n,k), all row-major
extern "C" ag_status ag_cpu_gemm(int transA, int transB, int m, int n, int k, float alpha, const float *a, int lda,
                                 const float *b, int ldb, float beta, float *c, int ldc) {
    AG_CHECK(ag_gemm_check(transA, transB, m, n, k, a, lda, b, ldb, c, ldc));
    return ag::cpu::gemm(transA != 0, transB != 0, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}
