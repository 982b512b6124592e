// Winograd F(4x4, 3x3) forward and backward-data passes of conv2d on the CPU (winograd.h). Both are
// one "same" 3x3 convolution of cin -> cout channels: the forward's filters are weight[o][i], the
// backward's weight[i][o] turned by 180 degrees (the data gradient of a stride-1, pad-1 conv is the
// conv of dy with the flipped, transposed kernel). Per chunk of images:
//   v (36, cin, T)   = B^T d B of every 6x6 input tile (T tiles, 16 lanes of tiles per transform)
//   m_e (cout, T)    = u_e (cout, cin) . v_e (cin, T) for each position e, with u = G g G^T
//   y                = A^T m A of every tile, cropped to the image, plus the bias
#include "winograd.h"

#include "ag/cpu_gemm.h"
#include "ag/status.h"
#include "winograd_kernels.h"

#include <omp.h>

#include <algorithm>

namespace ag::cpu {
namespace {

constexpr int kLanes = kWinoLanes;

// The convolution's sizes and where its data lives.
struct Conv {
    const float *x, *weight, *bias; // x (n, cin, h, w); weight (cout, cin, 3, 3) or, flipped, (cin, cout, 3, 3)
    float *y;                       // (n, cout, h, w)
    int n, cin, h, w, cout;
    bool flipped;
};

// u (36, cin, outPad) = G g G^T, lanes over the output channels o of filter (o, i).
void transformFilters(const WinogradKernels &kernels, const Conv &cv, float *u, int64_t outPad) {
    const int groups = (cv.cout + kLanes - 1) / kLanes;
#pragma omp for schedule(static)
    for (int64_t job = 0; job < (int64_t)cv.cin * groups; ++job) {
        const int i = (int)(job / groups), o0 = (int)(job % groups) * kLanes;
        int64_t offset[kLanes];
        for (int l = 0; l < kLanes; ++l) {
            const int o = std::min(o0 + l, cv.cout - 1);
            offset[l] = (cv.flipped ? (int64_t)i * cv.cout + o : (int64_t)o * cv.cin + i) * 9;
        }
        kernels.filter(cv.weight, offset, cv.flipped, u + i * outPad + o0, cv.cin * outPad);
    }
}

// Where lane tile t of a chunk starts in its padded images xp (count, channels, hp, wp) at channel i.
int64_t tileOrigin(const WinogradTiling &g, int t, int channels, int i) {
    const int image = t / g.tiles, r = t % g.tiles;
    return (((int64_t)image * channels + i) * g.hp + 4 * (r / g.tilesW)) * g.wp + 4 * (r % g.tilesW);
}

// v (36, cin, tilePad) = B^T d B of the chunk's tiles (count images), lanes over tiles.
void transformInputs(const WinogradKernels &kernels, const WinogradTiling &g, const float *xp, int cin, int tiles,
                     float *v, int64_t tilePad) {
    const int groups = (tiles + kLanes - 1) / kLanes;
#pragma omp for schedule(static)
    for (int64_t job = 0; job < (int64_t)cin * groups; ++job) {
        const int i = (int)(job / groups), t0 = (int)(job % groups) * kLanes;
        int64_t offset[kLanes];
        for (int l = 0; l < kLanes; ++l) offset[l] = tileOrigin(g, std::min(t0 + l, tiles - 1), cin, i);
        kernels.input(xp, offset, g.wp, v + i * tilePad + t0, cin * tilePad);
    }
}

// y of images first.. = A^T m A (+ bias) for m (36, cout, tilePad), cropped to h x w.
void transformOutputs(const WinogradKernels &kernels, const WinogradTiling &g, const Conv &cv, const float *m,
                      int first, int tiles, int64_t tilePad) {
    const int groups = (tiles + kLanes - 1) / kLanes;
#pragma omp for schedule(static)
    for (int64_t job = 0; job < (int64_t)cv.cout * groups; ++job) {
        const int o = (int)(job / groups), t0 = (int)(job % groups) * kLanes;
        alignas(64) float tile[16 * kLanes];
        kernels.output(m + o * tilePad + t0, cv.cout * tilePad, tile);
        for (int l = 0; l < kLanes && t0 + l < tiles; ++l) {
            const int t = t0 + l, image = first + t / g.tiles, th = t % g.tiles / g.tilesW, tw = t % g.tilesW;
            float *out = cv.y + ((int64_t)image * cv.cout + o) * cv.h * cv.w + (int64_t)4 * th * cv.w + 4 * tw;
            const int rows = std::min(4, cv.h - 4 * th), cols = std::min(4, cv.w - 4 * tw);
            for (int i = 0; i < rows; ++i)
                for (int j = 0; j < cols; ++j) {
                    const float value = tile[(i * 4 + j) * kLanes + l];
                    out[(int64_t)i * cv.w + j] = cv.bias ? value + cv.bias[o] : value;
                }
        }
    }
}

ag_status convolve(const Conv &cv, const char *entry) {
    const WinogradKernels &kernels = winogradKernels();
    const WinogradTiling g(cv.h, cv.w);
    const int chunkImages = winogradChunkImages(cv.n, g.tiles, (int64_t)kWinoPositions * (cv.cin + cv.cout));
    const int64_t outPad = winogradRound16(cv.cout), tilePad = winogradRound16((int64_t)chunkImages * g.tiles);
    const int64_t uSize = kWinoPositions * cv.cin * outPad, vSize = kWinoPositions * cv.cin * tilePad,
                  mSize = kWinoPositions * cv.cout * tilePad, xpSize = (int64_t)chunkImages * cv.cin * g.hp * g.wp;
    float *u = scratch(3, uSize), *v = scratch(4, vSize), *m = scratch(5, mSize), *xp = scratch(6, xpSize);
    if (!u || !v || !m || !xp)
        return ag_fail(AG_ERR_OUT_OF_MEMORY, "%s: %lld bytes of Winograd scratch", entry,
                       (long long)(uSize + vSize + mSize + xpSize) * 4);
    ag_status failure = AG_OK;
#pragma omp parallel if (winogradTeam((int64_t)cv.n * g.tiles, cv.cin, cv.cout))
    {
        transformFilters(kernels, cv, u, outPad);
        for (int first = 0; first < cv.n; first += chunkImages) {
            const int count = std::min(chunkImages, cv.n - first), tiles = count * g.tiles;
            winogradPad(cv.x + (int64_t)first * cv.cin * cv.h * cv.w, (int64_t)count * cv.cin, cv.h, cv.w, xp, g.hp,
                        g.wp, 1, 1);
            transformInputs(kernels, g, xp, cv.cin, tiles, v, tilePad);
            // m_e (cout, tiles) = u_e (cout, cin) . v_e (cin, tiles), u_e stored transposed (cin, outPad)
#pragma omp for schedule(dynamic, 1)
            for (int e = 0; e < kWinoPositions; ++e) {
                const MatrixA filters(true, u + e * cv.cin * outPad, outPad);
                const MatrixB inputs(false, v + e * cv.cin * tilePad, tilePad);
                const ag_status status = gemm(cv.cout, tiles, cv.cin, 1.0f, filters, inputs, 0.0f,
                                              {m + e * cv.cout * tilePad, tilePad, tilePad, 0, nullptr});
                if (status != AG_OK) {
#pragma omp critical(ag_winograd_failure)
                    failure = status;
                }
            }
            transformOutputs(kernels, g, cv, m, first, tiles, tilePad);
        }
    }
    return failure;
}

} // namespace

ag_status winogradForward(const float *x, const float *weight, const float *bias, float *y, const ag_conv2d_shape &s) {
    return convolve({x, weight, bias, y, s.n, s.c, s.h, s.w, s.k, false}, "ag_cpu_conv2d_forward");
}

ag_status winogradBackwardData(const float *dy, const float *weight, float *dx, const ag_conv2d_shape &s) {
    return convolve({dy, weight, nullptr, dx, s.n, s.k, s.h, s.w, s.c, true}, "ag_cpu_conv2d_backward_data");
}

} // namespace ag::cpu
