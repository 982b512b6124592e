// transposeBatch (ag/cpu_gemm.h): the channel-last copies the convolutions' backward-weight packers
// read, in 16 x 16 blocks, each an in-register AVX-512 transpose, four AVX2 8 x 8 ones, or a plain
// loop at the edges and on CPUs with neither.
#include "ag/cpu_gemm.h"

#include <omp.h>

#include <algorithm>

namespace ag::cpu {
namespace {

// One block of rows [r0, r1) and columns [c0, c1) of one image, at most 16 x 16.
void transposeBlock(const float *src, float *dst, int rows, int cols, int r0, int r1, int c0, int c1, bool avx512,
                    bool avx2) {
    if (avx512 && r1 - r0 == 16 && c1 - c0 == 16) {
        transpose16x16Avx512(src + (int64_t)r0 * cols + c0, cols, dst + (int64_t)c0 * rows + r0, rows);
        return;
    }
    for (int r8 = r0; r8 < r1; r8 += 8)
        for (int c8 = c0; c8 < c1; c8 += 8) {
            const int r9 = std::min(r1, r8 + 8), c9 = std::min(c1, c8 + 8);
            if (avx2 && r9 - r8 == 8 && c9 - c8 == 8) {
                transpose8x8Avx2(src + (int64_t)r8 * cols + c8, cols, dst + (int64_t)c8 * rows + r8, rows);
                continue;
            }
            for (int r = r8; r < r9; ++r)
                for (int col = c8; col < c9; ++col) dst[(int64_t)col * rows + r] = src[(int64_t)r * cols + col];
        }
}

} // namespace

void transposeBatch(const float *x, float *y, int batch, int rows, int cols) {
    constexpr int kBlock = 16;
    const bool avx512 = __builtin_cpu_supports("avx512f"), avx2 = __builtin_cpu_supports("avx2");
    const int rowBlocks = (rows + kBlock - 1) / kBlock;
#pragma omp parallel for collapse(2) schedule(static) if ((int64_t)batch * rows * cols >= 65536)
    for (int image = 0; image < batch; ++image)
        for (int rb = 0; rb < rowBlocks; ++rb) {
            const float *src = x + (int64_t)image * rows * cols;
            float *dst = y + (int64_t)image * rows * cols;
            const int r0 = rb * kBlock, r1 = std::min(rows, r0 + kBlock);
            for (int c0 = 0; c0 < cols; c0 += kBlock)
                transposeBlock(src, dst, rows, cols, r0, r1, c0, std::min(cols, c0 + kBlock), avx512, avx2);
        }
}

} // namespace ag::cpu
