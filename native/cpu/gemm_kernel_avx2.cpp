// The AVX2 kernels of the GEMM engine for CPUs without AVX-512: the micro-kernel (a 6 x 16 tile of C
// in 12 ymm accumulators, 16 ymm registers in all) and the 8 x 8 transpose that builds channel-last
// copies for the convolutions' packers. Compiled for AVX2 by target attributes; gemm.cpp picks them
// at run time.
#include "ag/cpu_gemm.h"

#include <immintrin.h>

namespace {

constexpr int kRows = 6;    // mr
constexpr int kVectors = 2; // nr = 16

__attribute__((target("avx2,fma"))) void run(int kc, const float *a, const float *b, float *const *c, int64_t ldc,
                                             float alpha, float beta, const float *bias) {
    __m256 acc[kRows][kVectors];
#pragma GCC unroll 6
    for (int i = 0; i < kRows; ++i)
#pragma GCC unroll 2
        for (int v = 0; v < kVectors; ++v) acc[i][v] = _mm256_setzero_ps();
    // a: kc x 6 panel, b: kc x 16 panel
#pragma GCC unroll 4
    for (int p = 0; p < kc; ++p) {
        const __m256 b0 = _mm256_load_ps(b), b1 = _mm256_load_ps(b + 8);
#pragma GCC unroll 6
        for (int i = 0; i < kRows; ++i) {
            const __m256 ai = _mm256_broadcast_ss(a + i);
            acc[i][0] = _mm256_fmadd_ps(ai, b0, acc[i][0]);
            acc[i][1] = _mm256_fmadd_ps(ai, b1, acc[i][1]);
        }
        a += kRows;
        b += 8 * kVectors;
    }
    const __m256 alphaV = _mm256_set1_ps(alpha), betaV = _mm256_set1_ps(beta);
#pragma GCC unroll 6
    for (int i = 0; i < kRows; ++i) {
        const __m256 biasV = _mm256_set1_ps(bias ? bias[i] : 0.0f);
#pragma GCC unroll 2
        for (int v = 0; v < kVectors; ++v) {
            float *out = c[v] + i * ldc;
            __m256 t = _mm256_mul_ps(alphaV, acc[i][v]);
            if (beta != 0.0f) t = _mm256_fmadd_ps(betaV, _mm256_loadu_ps(out), t);
            if (bias) t = _mm256_add_ps(t, biasV);
            _mm256_storeu_ps(out, t);
        }
    }
}

} // namespace

namespace ag::cpu {

// Three rounds of in-register shuffles: pairs of rows, then 2x2 blocks inside 128-bit lanes, then
// the lanes.
__attribute__((target("avx2"))) void transpose8x8Avx2(const float *src, int64_t srcStride, float *dst,
                                                      int64_t dstStride) {
    __m256 r[8], t[8];
#pragma GCC unroll 8
    for (int i = 0; i < 8; ++i) r[i] = _mm256_loadu_ps(src + i * srcStride);
#pragma GCC unroll 4
    for (int i = 0; i < 8; i += 2) {
        t[i] = _mm256_unpacklo_ps(r[i], r[i + 1]);
        t[i + 1] = _mm256_unpackhi_ps(r[i], r[i + 1]);
    }
    // r[4g + j]: in lane L, column 4L + j of rows 4g .. 4g+3
#pragma GCC unroll 2
    for (int g = 0; g < 8; g += 4) {
        r[g] = _mm256_shuffle_ps(t[g], t[g + 2], _MM_SHUFFLE(1, 0, 1, 0));
        r[g + 1] = _mm256_shuffle_ps(t[g], t[g + 2], _MM_SHUFFLE(3, 2, 3, 2));
        r[g + 2] = _mm256_shuffle_ps(t[g + 1], t[g + 3], _MM_SHUFFLE(1, 0, 1, 0));
        r[g + 3] = _mm256_shuffle_ps(t[g + 1], t[g + 3], _MM_SHUFFLE(3, 2, 3, 2));
    }
#pragma GCC unroll 4
    for (int j = 0; j < 4; ++j) {
        _mm256_storeu_ps(dst + j * dstStride, _mm256_permute2f128_ps(r[j], r[4 + j], 0x20));
        _mm256_storeu_ps(dst + (4 + j) * dstStride, _mm256_permute2f128_ps(r[j], r[4 + j], 0x31));
    }
}

const GemmKernel kGemmKernelAvx2 = {"avx2 6x16", kRows, 8 * kVectors, 8, 256, run};
}
