// The AVX2 + FMA GEMM micro-kernel for CPUs without AVX-512: a 6 x 16 tile of C in 12 ymm
// accumulators (16 ymm registers in all). Compiled for AVX2 by a target attribute; gemm.cpp
// picks it at run time.
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
const GemmKernel kGemmKernelAvx2 = {"avx2 6x16", kRows, 8 * kVectors, 8, 256, 144, 3072, run};
}
