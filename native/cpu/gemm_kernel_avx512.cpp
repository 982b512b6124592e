// The AVX-512 kernels of the GEMM engine: the micro-kernel (an 8 x 48 tile of C held in 24 zmm
// accumulators, each k step one broadcast of A per row against three 16-float vectors of B) and
// the 16 x 16 transpose that builds channel-last copies for the convolutions' packers. Compiled for
// AVX-512 by target attributes (not -march), so the library still loads on CPUs without it;
// gemm.cpp picks them at run time.
#include "ag/cpu_gemm.h"

#include <immintrin.h>

namespace {

constexpr int kRows = 8;    // mr
constexpr int kVectors = 3; // nr = 48

constexpr int kPrefetchSteps = 48; // C's tile is fetched this many k steps before it is needed

// One k step: a (8) broadcast against b (48).
__attribute__((target("avx512f,fma"), always_inline)) inline void step(__m512 (&acc)[kRows][kVectors],
                                                                      const float *a, const float *b) {
    __m512 bv[kVectors];
#pragma GCC unroll 3
    for (int v = 0; v < kVectors; ++v) bv[v] = _mm512_load_ps(b + 16 * v);
#pragma GCC unroll 8
    for (int i = 0; i < kRows; ++i) {
        const __m512 ai = _mm512_set1_ps(a[i]);
#pragma GCC unroll 3
        for (int v = 0; v < kVectors; ++v) acc[i][v] = _mm512_fmadd_ps(ai, bv[v], acc[i][v]);
    }
}

__attribute__((target("avx512f,fma"))) void run(int kc, const float *a, const float *b, float *const *c,
                                                int64_t ldc, float alpha, float beta, const float *bias) {
    __m512 acc[kRows][kVectors];
#pragma GCC unroll 8
    for (int i = 0; i < kRows; ++i)
#pragma GCC unroll 3
        for (int v = 0; v < kVectors; ++v) acc[i][v] = _mm512_setzero_ps();
    // a: kc x 8 panel, b: kc x 48 panel
    const int early = kc > kPrefetchSteps ? kc - kPrefetchSteps : 0;
    int p = 0;
#pragma GCC unroll 4
    for (; p < early; ++p, a += kRows, b += 16 * kVectors) step(acc, a, b);
#pragma GCC unroll 8
    for (int i = 0; i < kRows; ++i)
#pragma GCC unroll 3
        for (int v = 0; v < kVectors; ++v) _mm_prefetch(reinterpret_cast<const char *>(c[v] + i * ldc), _MM_HINT_T0);
#pragma GCC unroll 4
    for (; p < kc; ++p, a += kRows, b += 16 * kVectors) step(acc, a, b);
    const __m512 alphaV = _mm512_set1_ps(alpha), betaV = _mm512_set1_ps(beta);
#pragma GCC unroll 8
    for (int i = 0; i < kRows; ++i) {
        const __m512 biasV = _mm512_set1_ps(bias ? bias[i] : 0.0f);
#pragma GCC unroll 3
        for (int v = 0; v < kVectors; ++v) {
            float *out = c[v] + i * ldc;
            __m512 t = _mm512_mul_ps(alphaV, acc[i][v]);
            if (beta != 0.0f) t = _mm512_fmadd_ps(betaV, _mm512_loadu_ps(out), t);
            if (bias) t = _mm512_add_ps(t, biasV);
            _mm512_storeu_ps(out, t);
        }
    }
}

} // namespace

namespace ag::cpu {

// Four rounds of in-register shuffles: pairs of rows, then 2x2 blocks inside 128-bit lanes, then
// lanes. (The maskz forms with a full mask are the same instructions; the unmasked intrinsics trip
// GCC 12's -Wuninitialized inside target-attribute functions.)
__attribute__((target("avx512f"))) void transpose16x16Avx512(const float *src, int64_t srcStride, float *dst,
                                                             int64_t dstStride) {
    const __mmask16 kAll = 0xFFFF;
    __m512 r[16], t[16];
#pragma GCC unroll 16
    for (int i = 0; i < 16; ++i) r[i] = _mm512_loadu_ps(src + i * srcStride);
#pragma GCC unroll 8
    for (int i = 0; i < 16; i += 2) {
        t[i] = _mm512_maskz_unpacklo_ps(kAll, r[i], r[i + 1]);
        t[i + 1] = _mm512_maskz_unpackhi_ps(kAll, r[i], r[i + 1]);
    }
    // r[4g + j]: in lane L, column 4L + j of rows 4g .. 4g+3
#pragma GCC unroll 4
    for (int g = 0; g < 16; g += 4) {
        r[g] = _mm512_maskz_shuffle_ps(kAll, t[g], t[g + 2], _MM_SHUFFLE(1, 0, 1, 0));
        r[g + 1] = _mm512_maskz_shuffle_ps(kAll, t[g], t[g + 2], _MM_SHUFFLE(3, 2, 3, 2));
        r[g + 2] = _mm512_maskz_shuffle_ps(kAll, t[g + 1], t[g + 3], _MM_SHUFFLE(1, 0, 1, 0));
        r[g + 3] = _mm512_maskz_shuffle_ps(kAll, t[g + 1], t[g + 3], _MM_SHUFFLE(3, 2, 3, 2));
    }
#pragma GCC unroll 4
    for (int j = 0; j < 4; ++j) {
        const __m512 low0 = _mm512_maskz_shuffle_f32x4(kAll, r[j], r[4 + j], _MM_SHUFFLE(1, 0, 1, 0));
        const __m512 high0 = _mm512_maskz_shuffle_f32x4(kAll, r[j], r[4 + j], _MM_SHUFFLE(3, 2, 3, 2));
        const __m512 low1 = _mm512_maskz_shuffle_f32x4(kAll, r[8 + j], r[12 + j], _MM_SHUFFLE(1, 0, 1, 0));
        const __m512 high1 = _mm512_maskz_shuffle_f32x4(kAll, r[8 + j], r[12 + j], _MM_SHUFFLE(3, 2, 3, 2));
        constexpr int even = _MM_SHUFFLE(2, 0, 2, 0), odd = _MM_SHUFFLE(3, 1, 3, 1);
        _mm512_storeu_ps(dst + j * dstStride, _mm512_maskz_shuffle_f32x4(kAll, low0, low1, even));
        _mm512_storeu_ps(dst + (4 + j) * dstStride, _mm512_maskz_shuffle_f32x4(kAll, low0, low1, odd));
        _mm512_storeu_ps(dst + (8 + j) * dstStride, _mm512_maskz_shuffle_f32x4(kAll, high0, high1, even));
        _mm512_storeu_ps(dst + (12 + j) * dstStride, _mm512_maskz_shuffle_f32x4(kAll, high0, high1, odd));
    }
}

const GemmKernel kGemmKernelAvx512 = {"avx512 8x48", kRows, 16 * kVectors, 16, 384, run};
}
