// The parts of the CPU Winograd convolution (winograd.h) that the passes share: when it applies,
// the tiling, the chunks of the batch and the zero-padded copies of the images.
#include "winograd.h"

#include "cache_sizes.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>

namespace ag::cpu {
namespace {

// Below these the transforms and the 36 GEMMs' fixed costs (each transformed filter is written and
// packed once per call: 36 c k floats against the direct path's 9 c k) outweigh the 4x fewer
// multiplications: measured on AVX2 (AMD EPYC) at c = k = 32 .. 128, Winograd lost at 16 tiles of
// 4x4 images (0.7-0.9x) and won from 32 tiles on (1.2-1.6x at 32, 2-4x at the search's batches).
constexpr int kMinChannels = 32;
constexpr int64_t kMinTiles = 32;

} // namespace

bool winogradApplies(const ag_conv2d_shape &s) {
    if (s.kh != 3 || s.kw != 3 || s.sh != 1 || s.sw != 1 || s.ph != 1 || s.pw != 1) return false;
    if (s.c < kMinChannels || s.k < kMinChannels) return false;
    if ((int64_t)s.n * ((s.p + 3) / 4) * ((s.q + 3) / 4) < kMinTiles) return false;
    const char *mode = std::getenv("AG_CPU_WINOGRAD");
    return !mode || std::strcmp(mode, "off") != 0;
}

WinogradTiling::WinogradTiling(int h, int w)
    : tilesH((h + 3) / 4), tilesW((w + 3) / 4), tiles(tilesH * tilesW), hp(4 * tilesH + 2), wp(4 * tilesW + 2) {}

int winogradChunkImages(int n, int tilesPerImage, int64_t floatsPerTile) {
    const int64_t budget = cacheSizes().l3 / 2 / (int64_t)sizeof(float);
    const int64_t fit = budget / std::max<int64_t>(1, floatsPerTile * tilesPerImage);
    const int most = (int)std::clamp<int64_t>(fit, 1, n), chunks = (n + most - 1) / most;
    return (n + chunks - 1) / chunks;
}

void winogradPad(const float *src, int64_t planes, int h, int w, float *dst, int hp, int wp, int top, int left) {
#pragma omp for schedule(static)
    for (int64_t plane = 0; plane < planes; ++plane) {
        const float *in = src + plane * h * w;
        float *out = dst + plane * hp * wp;
        std::fill(out, out + (int64_t)top * wp, 0.0f);
        for (int i = 0; i < h; ++i) {
            float *row = out + (int64_t)(top + i) * wp;
            std::fill(row, row + left, 0.0f);
            std::copy(in + (int64_t)i * w, in + (int64_t)(i + 1) * w, row + left);
            std::fill(row + left + w, row + wp, 0.0f);
        }
        std::fill(out + (int64_t)(top + h) * wp, out + (int64_t)hp * wp, 0.0f);
    }
}

} // namespace ag::cpu
