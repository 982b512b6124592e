// The tile transforms of Winograd F(4x4, 3x3) (winograd_kernels.cpp), each on 16 tiles at once
// ("lanes"): one row of 16 floats holds one element of 16 tiles. With the points 0, 1, -1, 2, -2
// and infinity (Lavin & Gray 2016), a 3x3 correlation of a 6x6 input tile d with a filter g gives
// the 4x4 tile y = A^T [(G g G^T) . (B^T d B)] A, "." elementwise over the 36 positions:
//   B^T = [4  0 -5  0  1  0]   G = [ 1/4     0     0]   A^T = [1 1  1 1  1 0]
//         [0 -4 -4  1  1  0]       [-1/6 -1/6  -1/6]         [0 1 -1 2 -2 0]
//         [0  4 -4 -1  1  0]       [-1/6  1/6  -1/6]         [0 1  1 4  4 0]
//         [0 -2 -1  2  1  0]       [1/24  1/12  1/6]         [0 1 -1 8 -8 1]
//         [0  2 -1 -2  1  0]       [1/24 -1/12  1/6]
//         [0  4  0 -5  0  1]       [ 0     0     1 ]
// A^T's rows are the powers 0..3 of the points (infinity: the last column), G's rows the points'
// Lagrange weights (1, p, p^2) / prod_{q != p} (p - q), and B^T the interpolation that inverts both.
// The gradients follow by the chain rule: dM = A dY A^T for a 4x4 output-gradient tile, and the
// filter gradient G^T dU G. Compiled for AVX-512, AVX2 and plain x86-64; all three give the same bits (the same operations in the same order
// on every lane, no contraction).
#ifndef AG_CPU_WINOGRAD_KERNELS_H
#define AG_CPU_WINOGRAD_KERNELS_H

#include <cstdint>

namespace ag::cpu {

constexpr int kWinoLanes = 16;    // tiles per transform call
constexpr int kWinoPositions = 36; // 6 x 6 transformed positions

// Every transform writes or reads its 36 positions as rows of 16 floats, row e at base + e*stride.
// A gather reads lane l's element (i, j) at src[offset[l] + i*rowStride + j].
struct WinogradKernels {
    const char *name;
    // 6x6 input tiles -> V = B^T d B
    void (*input)(const float *src, const int64_t *offset, int64_t rowStride, float *v, int64_t stride);
    // 4x4 output-gradient tiles -> dM = A dY A^T
    void (*outputGrad)(const float *src, const int64_t *offset, int64_t rowStride, float *dm, int64_t stride);
    // 3x3 filters (taps at src[offset[l] + t], t = 0..8; flipped: tap 8 - t) -> U = G g G^T
    void (*filter)(const float *src, const int64_t *offset, bool flipped, float *u, int64_t stride);
    // M rows -> the 4x4 output tiles, y (16 pixels, 16 lanes) contiguous
    void (*output)(const float *m, int64_t stride, float *y);
    // dU rows -> the 3x3 filter gradients, g (9 taps, 16 lanes) contiguous
    void (*filterGrad)(const float *du, int64_t stride, float *g);
};

// The fastest set this CPU runs; AG_CPU_WINOGRAD=avx512|avx2|portable forces one that it supports
// (read at every call, so that a test can compare them in one process).
const WinogradKernels &winogradKernels();

} // namespace ag::cpu

#endif
