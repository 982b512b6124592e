// The packers that feed conv2d's implicit GEMMs (conv2d.cpp) straight from the images: the im2col
// columns of the forward and backward-data passes and the patch rows of the backward-weight pass.
// Each has a plain path for every geometry and vector paths (AVX-512 or AVX2, whichever matches the
// GEMM kernel's panels, ag::cpu::packIsa) for the shapes training runs; every path writes the same
// numbers, so the choice never changes a result.
#ifndef AG_CONV2D_PATCH_ROWS_H
#define AG_CONV2D_PATCH_ROWS_H

#include "ag/conv_shape.h"
#include "ag/cpu_gemm.h"

#include <cstdint>

namespace ag::cpu {

// Images src (n, channels, hs, ws) read by a kh x kw kernel at output pixels (ho, wo): tap (r, s)
// of output pixel (oh, ow) reads row u = oh*sh + r - ph and column v = ow*sw + s - pw of src, or,
// with a dilation dh x dw > 1 (src is dy, dilated by the forward's stride), src row u/dh where dh | u.
struct Window {
    const float *src;
    int n, channels, hs, ws, ho, wo, kh, kw, sh, sw, ph, pw, dh, dw;
    const uint16_t *masks; // (ho*wo/lanes, kh*kw): lanes whose tap lies inside, or NULL
    int lanes;             // pixels per mask: 16 (AVX-512) or 8 (AVX2)
};

// Fills win.masks and win.lanes where a vector packer applies to win (stride 1, "same" geometry,
// a vector's pixels inside one image, at most 25 taps) and the GEMM kernel's panels are nr wide;
// leaves masks NULL otherwise. The masks live in the calling thread's scratch slot 3.
void windowMasks(Window &win, int nr);

// cols(src): row (c, r, s), column (image, oh, ow) = src[image][c][u][v] as above, or 0.
class ImageColumns final : public GemmB {
public:
    explicit ImageColumns(const Window &w) : w_(w) {}
    void pack(float *dst, int p0, int kc, int j0, int nc, int nr) const override;

private:
    template <bool kDilated> void packElements(float *dst, int p0, int kc, int j0, int nc, int nr) const;
    __attribute__((target("avx512f"))) void packAvx512(float *dst, int p0, int kc, int j0, int nc, int nr) const;
    __attribute__((target("avx2"))) void packAvx2(float *dst, int p0, int kc, int j0, int nc, int nr) const;

    Window w_;
};

// backward_weight's B from xT (n, h, w, c): row (image, oh, ow), column (r, s, c) =
// xT[image][oh*sh+r-ph][ow*sw+s-pw][c] or 0.
class PatchRows final : public GemmB {
public:
    PatchRows(const float *xT, const ag_conv2d_shape &s)
        : xT_(xT), c_(s.c), h_(s.h), w_(s.w), p_(s.p), q_(s.q), kh_(s.kh), kw_(s.kw), sh_(s.sh), sw_(s.sw), ph_(s.ph),
          pw_(s.pw) {}
    void pack(float *dst, int p0, int kc, int j0, int nc, int nr) const override;

private:
    int64_t source(int image, int p, int q, int t) const;
    void packElements(float *dst, int p0, int kc, int j0, int nc, int nr) const;
    template <bool kStrided>
    __attribute__((target("avx512f"))) void packAvx512(float *dst, int p0, int kc, int j0, int nc, int nr) const;
    template <bool kStrided>
    __attribute__((target("avx2"))) void packAvx2(float *dst, int p0, int kc, int j0, int nc, int nr) const;

    const float *xT_;
    int c_, h_, w_, p_, q_, kh_, kw_, sh_, sw_, ph_, pw_;
};

} // namespace ag::cpu

#endif
