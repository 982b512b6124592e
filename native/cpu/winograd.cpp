// The parts of the CPU Winograd convolution (winograd.h) that the passes share: when it applies,
// the tiling, the chunks of the batch and the zero-padded copies of the images.
#include "winograd.h"

#include "cache_sizes.h"
#include "winograd_kernels.h"

#include <omp.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>

namespace ag::cpu {
namespace {

// Below these sizes the transforms' and the 36 GEMMs' fixed costs (each transformed filter is
// written and packed once per call: 36 c k floats against the direct path's 9 c k) outweigh the 4x
// fewer multiplications. Measured on AVX2 (AMD EPYC, 2 threads), c = k = 32 .. 256: 4x4 images lost
// below 32 images (0.1-0.9x) and won 1.8-3x at 64; 8x8 images lost at 1-2 images (0.4-0.9x), won
// from 4 (1.05-2.5x) and by 1.6-5x at the search's batches; 16x16 and larger won from one image.
// The rule looks at one image, never at the batch size, so that an image's result does not depend
// on the batch it comes in (batched scoring equals scoring image by image).
constexpr int kMinChannels = 32;
constexpr int kMinSide = 8;

// Fewer multiplications than this in a call's GEMMs run on the calling thread: a team's start and
// its barriers (one per transform and GEMM stage) cost more (measured: 0.1-0.2 ms each call).
constexpr int64_t kTeamMultiplications = 1 << 20;

} // namespace

bool winogradApplies(const ag_conv2d_shape &s) {
    if (s.kh != 3 || s.kw != 3 || s.sh != 1 || s.sw != 1 || s.ph != 1 || s.pw != 1) return false;
    if (s.c < kMinChannels || s.k < kMinChannels) return false;
    if (s.h < kMinSide || s.w < kMinSide) return false;
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

bool winogradTeam(int64_t tiles, int cin, int cout) {
    return !omp_in_parallel() && tiles * cin * cout * kWinoPositions >= kTeamMultiplications;
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
