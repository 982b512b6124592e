// Winograd F(4x4, 3x3) backward-weight pass of conv2d on the CPU (winograd.h). With the forward's
// y = A^T [(G g G^T) . (B^T d B)] A per tile, the chain rule gives, per position e,
//   du_e (k, c) = sum over tiles t of dm_e[t][k] v_e[t][c],  dm = A dY A^T,  v = B^T d B,
// and weightGrad += G^T du G. The sum over tiles is each position's GEMM (k dimension = tiles);
// the chunks of images add into du in chunk order (beta 1), so the order of every sum is fixed by
// the shape and the cache sizes, never by the threads, which split transforms and positions.
#include "winograd.h"

#include "ag/cpu_gemm.h"
#include "ag/status.h"
#include "omp_grain.h"
#include "winograd_kernels.h"

#include <omp.h>

#include <algorithm>

namespace ag::cpu {
namespace {

constexpr int kLanes = kWinoLanes;

// src (count, channels, rows, cols) tiles -> out (36, tiles, channelPad) through transform, lanes
// over channels: tile t reads its element (i, j) of channel ci at src + origin(t) + ci*plane + i*cols + j.
template <class Transform>
void transformTiles(const WinogradTiling &g, const float *src, int channels, int rows, int cols, int tiles,
                    float *out, int64_t channelPad, Transform transform) {
    const int groups = (channels + kLanes - 1) / kLanes;
    const int64_t plane = (int64_t)rows * cols;
#pragma omp for schedule(static)
    for (int64_t job = 0; job < (int64_t)tiles * groups; ++job) {
        const int t = (int)(job / groups), c0 = (int)(job % groups) * kLanes, image = t / g.tiles,
                  r = t % g.tiles;
        const float *origin = src + image * channels * plane + (int64_t)4 * (r / g.tilesW) * cols + 4 * (r % g.tilesW);
        int64_t offset[kLanes];
        for (int l = 0; l < kLanes; ++l) offset[l] = std::min(c0 + l, channels - 1) * plane;
        transform(origin, offset, cols, out + t * channelPad + c0, tiles * channelPad);
    }
}

// weightGrad (k, c, 3, 3) += G^T du G for du (36, k, cPad), lanes over input channels.
void addFilterGradients(const WinogradKernels &kernels, const float *du, int k, int c, int64_t cPad, float *weightGrad) {
    const int groups = (c + kLanes - 1) / kLanes;
#pragma omp parallel for schedule(static) if (!omp_in_parallel() && (int64_t)k * c * kWinoPositions >= kOmpGrain)
    for (int64_t job = 0; job < (int64_t)k * groups; ++job) {
        const int o = (int)(job / groups), c0 = (int)(job % groups) * kLanes;
        alignas(64) float taps[9 * kLanes];
        kernels.filterGrad(du + o * cPad + c0, k * cPad, taps);
        for (int l = 0; l < kLanes && c0 + l < c; ++l)
            for (int t = 0; t < 9; ++t) weightGrad[((int64_t)o * c + c0 + l) * 9 + t] += taps[t * kLanes + l];
    }
}

} // namespace

ag_status winogradBackwardWeight(const float *x, const float *dy, float *weightGrad, float *biasGrad,
                                 const ag_conv2d_shape &s) {
    const WinogradKernels &kernels = winogradKernels();
    const int n = s.n, c = s.c, h = s.h, w = s.w, k = s.k;
    const WinogradTiling g(h, w);
    const int chunkImages = winogradChunkImages(n, g.tiles, (int64_t)kWinoPositions * (c + k));
    const int64_t cPad = winogradRound16(c), kPad = winogradRound16(k), chunkTiles = (int64_t)chunkImages * g.tiles;
    // dy is read in place when its tiles cover it exactly, else from a copy padded with zeros
    const int dyRows = 4 * g.tilesH, dyCols = 4 * g.tilesW;
    const bool padDy = dyRows != h || dyCols != w;
    const int64_t duSize = kWinoPositions * k * cPad, vSize = kWinoPositions * chunkTiles * cPad,
                  dmSize = kWinoPositions * chunkTiles * kPad, xpSize = (int64_t)chunkImages * c * g.hp * g.wp,
                  dypSize = padDy ? (int64_t)chunkImages * k * dyRows * dyCols : 1;
    float *du = scratch(3, duSize), *v = scratch(4, vSize), *dm = scratch(5, dmSize), *xp = scratch(6, xpSize),
          *dyp = scratch(7, dypSize);
    if (!du || !v || !dm || !xp || !dyp)
        return ag_fail(AG_ERR_OUT_OF_MEMORY, "ag_cpu_conv2d_backward_weight: %lld bytes of Winograd scratch",
                       (long long)(duSize + vSize + dmSize + xpSize + dypSize) * 4);
    ag_status failure = AG_OK;
#pragma omp parallel if (winogradTeam((int64_t)n * g.tiles, c, k))
    for (int first = 0; first < n; first += chunkImages) {
        const int count = std::min(chunkImages, n - first), tiles = count * g.tiles;
        winogradPad(x + (int64_t)first * c * h * w, (int64_t)count * c, h, w, xp, g.hp, g.wp, 1, 1);
        const float *dyChunk = dy + (int64_t)first * k * h * w;
        if (padDy) {
            winogradPad(dyChunk, (int64_t)count * k, h, w, dyp, dyRows, dyCols, 0, 0);
            dyChunk = dyp;
        }
        transformTiles(g, xp, c, g.hp, g.wp, tiles, v, cPad,
                       [&](const float *src, const int64_t *offset, int64_t rowStride, float *out, int64_t stride) {
                           kernels.input(src, offset, rowStride, out, stride);
                       });
        transformTiles(g, dyChunk, k, dyRows, dyCols, tiles, dm, kPad,
                       [&](const float *src, const int64_t *offset, int64_t rowStride, float *out, int64_t stride) {
                           kernels.outputGrad(src, offset, rowStride, out, stride);
                       });
        // du_e (k, c) (+)= dm_e^T (k, tiles) . v_e (tiles, c)
#pragma omp for schedule(dynamic, 1)
        for (int e = 0; e < kWinoPositions; ++e) {
            const MatrixA grads(true, dm + e * tiles * kPad, kPad);
            const MatrixB inputs(false, v + e * tiles * cPad, cPad);
            const ag_status status = gemm(k, c, tiles, 1.0f, grads, inputs, first == 0 ? 0.0f : 1.0f,
                                          {du + e * k * cPad, cPad, cPad, 0, nullptr});
            if (status != AG_OK) {
#pragma omp critical(ag_winograd_failure)
                failure = status;
            }
        }
    }
    if (failure != AG_OK) return failure;
    addFilterGradients(kernels, du, k, c, cPad, weightGrad);
    if (biasGrad) {
        const int64_t plane = (int64_t)h * w;
#pragma omp parallel for schedule(static) if ((int64_t)n * k * plane >= 32768)
        for (int o = 0; o < k; ++o) {
            double sum = 0.0;
            for (int image = 0; image < n; ++image) sum += sumFloats(dy + ((int64_t)image * k + o) * plane, plane);
            biasGrad[o] += (float)sum;
        }
    }
    return AG_OK;
}

} // namespace ag::cpu
