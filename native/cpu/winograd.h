// Winograd F(4x4, 3x3) for conv2d's 3x3, stride-1, pad-1 "same" convolutions on the CPU, in all three
// passes: the image is cut into 4x4 output tiles (6x6 input tiles), every tile and filter is
// transformed (winograd_kernels.h), and the 36 transformed positions become 36 GEMMs on the engine
// of ag/cpu_gemm.h, 2.25 multiplications per output instead of 9. conv2d.cpp calls it where
// winogradApplies() says so. The batch goes in chunks of whole images sized from the CPU's cache
// (cache_sizes.h): a chunk's transformed tiles stay in the last-level cache between the transform
// and its GEMMs. Threads split transforms and positions, never a sum, so results do not depend on
// the thread count.
#ifndef AG_CPU_WINOGRAD_H
#define AG_CPU_WINOGRAD_H

#include "ag/conv_shape.h"
#include "ag/kernels.h"

#include <cstdint>

namespace ag::cpu {

// Whether a conv2d call of this shape runs here: a 3x3 kernel at stride 1 with padding 1, at least
// 32 input and 32 output channels, images of at least 8 x 8 (the batch size plays no part), and
// AG_CPU_WINOGRAD (read at every call) not "off". The thresholds are winograd.cpp's, with the
// measurements behind them.
bool winogradApplies(const ag_conv2d_shape &s);

// The three passes, with ag_cpu_conv2d_*'s meaning and the shapes of s.
// x (n,c,h,w), weight (k,c,3,3), bias (k) or NULL -> y (n,k,h,w)
ag_status winogradForward(const float *x, const float *weight, const float *bias, float *y, const ag_conv2d_shape &s);
// dy (n,k,h,w), weight (k,c,3,3) -> dx (n,c,h,w)
ag_status winogradBackwardData(const float *dy, const float *weight, float *dx, const ag_conv2d_shape &s);
// x (n,c,h,w), dy (n,k,h,w) -> weightGrad (k,c,3,3) +=, biasGrad (k) += (or NULL)
ag_status winogradBackwardWeight(const float *x, const float *dy, float *weightGrad, float *biasGrad,
                                 const ag_conv2d_shape &s);

// What the three passes share: how an h x w image is tiled (4x4 output tiles, ceil(h/4) x ceil(w/4)
// of them) and its zero-padded copy, one zero row and column before and enough after that every
// 6x6 input tile lies inside.
struct WinogradTiling {
    int tilesH, tilesW, tiles; // per image
    int hp, wp;                // padded image: 4*tilesH + 2 rows, 4*tilesW + 2 columns
    explicit WinogradTiling(int h, int w);
};

// Images per chunk of a batch of n whose tiles each hold floatsPerTile transformed floats: as many
// as keep a chunk's in half the last-level cache, at least one, the chunks of equal size.
int winogradChunkImages(int n, int tilesPerImage, int64_t floatsPerTile);

// Whether a call with this many tiles runs an OpenMP team (false inside one or for little work).
bool winogradTeam(int64_t tiles, int cin, int cout);

// src (planes, h, w) -> dst (planes, hp, wp), src's pixel (i, j) at (top + i, left + j), zeros around.
// An orphaned `omp for`: every thread of the calling team calls it (or one thread alone).
void winogradPad(const float *src, int64_t planes, int h, int w, float *dst, int hp, int wp, int top, int left);

// x rounded up to a multiple of 16 (row strides of transformed data: whole 16-lane rows).
inline int64_t winogradRound16(int64_t x) { return (x + 15) / 16 * 16; }

} // namespace ag::cpu

#endif
