// The portable GEMM micro-kernel for CPUs with neither AVX-512 nor AVX2 + FMA: a 4 x 8 tile in
// plain loops that the compiler vectorizes for the baseline instruction set.
#include "ag/cpu_gemm.h"

namespace {

constexpr int kRows = 4, kCols = 8;

void run(int kc, const float *a, const float *b, float *const *c, int64_t ldc, float alpha, float beta,
         const float *bias) {
    float acc[kRows][kCols] = {};
    // a: kc x 4 panel, b: kc x 8 panel
    for (int p = 0; p < kc; ++p, a += kRows, b += kCols)
        for (int i = 0; i < kRows; ++i)
            for (int j = 0; j < kCols; ++j) acc[i][j] += a[i] * b[j];
    for (int i = 0; i < kRows; ++i) {
        float *out = c[0] + i * ldc;
        for (int j = 0; j < kCols; ++j) {
            float t = alpha * acc[i][j];
            if (beta != 0.0f) t += beta * out[j];
            if (bias) t += bias[i];
            out[j] = t;
        }
    }
}

} // namespace

namespace ag::cpu {
const GemmKernel kGemmKernelPortable = {"portable 4x8", kRows, kCols, kCols, 256, run};
}
