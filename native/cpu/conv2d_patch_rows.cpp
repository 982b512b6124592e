// conv2d's packers (declared in conv2d_patch_rows.h): the plain paths, which handle every geometry,
// and the vector paths, compiled for AVX-512 or AVX2 by target attributes (not -march, so the library
// still loads on any x86-64) and chosen at run time by ag::cpu::packIsa. They only move floats, so
// every path writes the same panels.
#include "conv2d_patch_rows.h"

#include <immintrin.h>

#include <algorithm>

namespace ag::cpu {
namespace {

constexpr int kMaxTaps = 25;  // kh*kw <= 25 on the vector paths
constexpr int kMaxPanel = 64; // nr of every micro-kernel

// The first i >= 0 (unclamped) with i*stride >= a: ceil(a / stride).
int firstMultiple(int a, int stride) {
    if (stride == 1) return a;
    return a >= 0 ? (a + stride - 1) / stride : -(-a / stride);
}

// Of a run of pixels along one output row whose first reads input column iw + left (then every sw
// columns), the pixels [lo, hi) that read inside a w-wide image.
void insideRun(int left, int iw, int run, int sw, int w, int &lo, int &hi) {
    lo = std::clamp(firstMultiple(-left - iw, sw), 0, run);
    hi = std::clamp(firstMultiple(w - left - iw, sw), lo, run);
}

// The 8 lanes of bits (lane i = bit i) as an AVX2 load mask.
__attribute__((target("avx2"), always_inline)) inline __m256i laneMask(unsigned bits) {
    const __m256i lane = _mm256_setr_epi32(1, 2, 4, 8, 16, 32, 64, 128);
    return _mm256_cmpeq_epi32(_mm256_and_si256(_mm256_set1_epi32((int)bits), lane), lane);
}

} // namespace

void windowMasks(Window &win, int nr) {
    win.masks = nullptr;
    const PackIsa isa = packIsa(nr);
    const int lanes = isa == PackIsa::kAvx512 ? 16 : isa == PackIsa::kAvx2 ? 8 : 0;
    const int h = win.hs, w = win.ws, plane = h * w, taps = win.kh * win.kw;
    const bool unit = win.sh == 1 && win.sw == 1 && win.dh == 1 && win.dw == 1;
    if (lanes == 0 || !unit || win.ho != h || win.wo != w || plane % lanes != 0 || taps > kMaxTaps) return;
    const size_t count = (size_t)plane / lanes * taps;
    uint16_t *masks = reinterpret_cast<uint16_t *>(scratch(3, (count + 1) / 2));
    if (!masks) return;
    for (int vector = 0; vector < plane / lanes; ++vector)
        for (int t = 0; t < taps; ++t) {
            uint16_t bits = 0;
            for (int lane = 0; lane < lanes; ++lane) {
                const int pixel = vector * lanes + lane, ih = ag_conv_source(pixel / w, t / win.kw, 1, win.ph),
                          iw = ag_conv_source(pixel % w, t % win.kw, 1, win.pw);
                if (ih >= 0 && ih < h && iw >= 0 && iw < w) bits |= (uint16_t)(1u << lane);
            }
            masks[vector * taps + t] = bits;
        }
    win.masks = masks;
    win.lanes = lanes;
}

void ImageColumns::pack(float *dst, int p0, int kc, int j0, int nc, int nr) const {
    const PackIsa isa = w_.masks ? packIsa(nr) : PackIsa::kPlain;
    if (isa == PackIsa::kAvx512 && w_.lanes == 16)
        packAvx512(dst, p0, kc, j0, nc, nr);
    else if (isa == PackIsa::kAvx2 && w_.lanes == 8)
        packAvx2(dst, p0, kc, j0, nc, nr);
    else if (w_.dh == 1 && w_.dw == 1)
        packElements<false>(dst, p0, kc, j0, nc, nr);
    else
        packElements<true>(dst, p0, kc, j0, nc, nr);
}

template <bool kDilated> void ImageColumns::packElements(float *dst, int p0, int kc, int j0, int nc, int nr) const {
    const int taps = w_.kh * w_.kw, planeOut = w_.ho * w_.wo;
    const int64_t planeIn = (int64_t)w_.hs * w_.ws;
    for (int r = 0; r < nc; r += nr, dst += (int64_t)nr * kc) {
        const int cols = std::min(nr, nc - r);
        int64_t base[kMaxPanel];
        int top[kMaxPanel], left[kMaxPanel];
        for (int jj = 0; jj < cols; ++jj) {
            const int j = j0 + r + jj, pixel = j % planeOut;
            base[jj] = (int64_t)(j / planeOut) * w_.channels * planeIn;
            top[jj] = ag_conv_source(pixel / w_.wo, 0, w_.sh, w_.ph);
            left[jj] = ag_conv_source(pixel % w_.wo, 0, w_.sw, w_.pw);
        }
        for (int kk = 0; kk < kc; ++kk) {
            const int row = p0 + kk, tap = row % taps, tapRow = tap / w_.kw, tapCol = tap % w_.kw;
            const float *plane = w_.src + (row / taps) * planeIn;
            float *out = dst + kk * nr;
            for (int jj = 0; jj < nr; ++jj) {
                int ih = top[jj] + tapRow, iw = left[jj] + tapCol;
                if constexpr (kDilated) {
                    ih = ag_conv_undilate(ih, w_.dh);
                    iw = ag_conv_undilate(iw, w_.dw);
                }
                const bool inside = jj < cols && ih >= 0 && ih < w_.hs && iw >= 0 && iw < w_.ws;
                out[jj] = inside ? plane[base[jj] + (int64_t)ih * w_.ws + iw] : 0.0f;
            }
        }
    }
}

// Stride 1, "same" geometry (ho = hs, wo = ws) and lanes | h*w: the pixels of a vector lie in one
// image, and tap (r, s) reads them at one constant offset, masked where it falls outside. The
// 16-lane (AVX-512) and 8-lane (AVX2) versions are the same loop.
__attribute__((target("avx512f"))) void ImageColumns::packAvx512(float *dst, int p0, int kc, int j0, int nc,
                                                                 int nr) const {
    const int taps = w_.kh * w_.kw, plane = w_.hs * w_.ws, vectors = nr / 16;
    int64_t shift[kMaxTaps];
    for (int t = 0; t < taps; ++t)
        shift[t] = (int64_t)ag_conv_source(0, t / w_.kw, 1, w_.ph) * w_.ws + ag_conv_source(0, t % w_.kw, 1, w_.pw);
    for (int r = 0; r < nc; r += nr, dst += (int64_t)nr * kc) {
        int64_t base[kMaxPanel / 16];
        const uint16_t *masks[kMaxPanel / 16];
        for (int v = 0; v < vectors; ++v) {
            const int j = j0 + r + 16 * v;
            base[v] = (int64_t)(j / plane) * w_.channels * plane + j % plane;
            masks[v] = j < j0 + nc ? w_.masks + (j % plane) / 16 * taps : nullptr;
        }
        int c = p0 / taps, t = p0 % taps;
        for (int kk = 0; kk < kc; ++kk) {
            const float *src = w_.src + (int64_t)c * plane + shift[t];
            for (int v = 0; v < vectors; ++v) {
                const __m512 value = masks[v] ? _mm512_maskz_loadu_ps(masks[v][t], src + base[v]) : _mm512_setzero_ps();
                _mm512_store_ps(dst + kk * nr + 16 * v, value);
            }
            if (++t == taps) {
                t = 0;
                ++c;
            }
        }
    }
}

__attribute__((target("avx2"))) void ImageColumns::packAvx2(float *dst, int p0, int kc, int j0, int nc,
                                                            int nr) const {
    const int taps = w_.kh * w_.kw, plane = w_.hs * w_.ws, vectors = nr / 8;
    int64_t shift[kMaxTaps];
    for (int t = 0; t < taps; ++t)
        shift[t] = (int64_t)ag_conv_source(0, t / w_.kw, 1, w_.ph) * w_.ws + ag_conv_source(0, t % w_.kw, 1, w_.pw);
    for (int r = 0; r < nc; r += nr, dst += (int64_t)nr * kc) {
        int64_t base[kMaxPanel / 8];
        const uint16_t *masks[kMaxPanel / 8];
        for (int v = 0; v < vectors; ++v) {
            const int j = j0 + r + 8 * v;
            base[v] = (int64_t)(j / plane) * w_.channels * plane + j % plane;
            masks[v] = j < j0 + nc ? w_.masks + (j % plane) / 8 * taps : nullptr;
        }
        int c = p0 / taps, t = p0 % taps;
        for (int kk = 0; kk < kc; ++kk) {
            const float *src = w_.src + (int64_t)c * plane + shift[t];
            // the next panel's pixels of this row, which the caches' own prefetchers miss
            _mm_prefetch(reinterpret_cast<const char *>(src + base[0] + nr), _MM_HINT_T0);
            for (int v = 0; v < vectors; ++v) {
                const unsigned bits = masks[v] ? masks[v][t] : 0u;
                __m256 value = _mm256_setzero_ps();
                if (bits == 0xFFu)
                    value = _mm256_loadu_ps(src + base[v]);
                else if (bits != 0u)
                    value = _mm256_maskload_ps(src + base[v], laneMask(bits));
                _mm256_store_ps(dst + kk * nr + 8 * v, value);
            }
            if (++t == taps) {
                t = 0;
                ++c;
            }
        }
    }
}

void PatchRows::pack(float *dst, int p0, int kc, int j0, int nc, int nr) const {
    const PackIsa isa = packIsa(nr);
    const bool unit = sh_ == 1 && sw_ == 1;
    if (isa == PackIsa::kAvx512 && c_ % 16 == 0)
        unit ? packAvx512<false>(dst, p0, kc, j0, nc, nr) : packAvx512<true>(dst, p0, kc, j0, nc, nr);
    else if (isa == PackIsa::kAvx2 && c_ % 8 == 0)
        unit ? packAvx2<false>(dst, p0, kc, j0, nc, nr) : packAvx2<true>(dst, p0, kc, j0, nc, nr);
    else
        packElements(dst, p0, kc, j0, nc, nr);
}

// Where in xT output pixel (image, p, q) reads through tap t, or -1 when that is outside.
int64_t PatchRows::source(int image, int p, int q, int t) const {
    const int ih = ag_conv_source(p, t / kw_, sh_, ph_), iw = ag_conv_source(q, t % kw_, sw_, pw_);
    if (ih < 0 || ih >= h_ || iw < 0 || iw >= w_) return -1;
    return (((int64_t)image * h_ + ih) * w_ + iw) * c_;
}

void PatchRows::packElements(float *dst, int p0, int kc, int j0, int nc, int nr) const {
    const int plane = p_ * q_;
    for (int r = 0; r < nc; r += nr, dst += (int64_t)nr * kc)
        for (int kk = 0; kk < kc; ++kk) {
            const int row = p0 + kk, image = row / plane, p = row % plane / q_, q = row % q_;
            for (int jj = 0; jj < nr; ++jj) {
                const int j = j0 + r + jj;
                const int64_t at = jj < nc - r ? source(image, p, q, j / c_) : -1;
                dst[kk * nr + jj] = at >= 0 ? xT_[at + j % c_] : 0.0f;
            }
        }
}

// Pixels go by runs along q (one image row); along a run each vector's source advances by sw*c
// floats, and the pixels where its tap falls outside form a prefix and a suffix. Stride 1 (the
// training convs) is compiled on its own, with the stride arithmetic folded away. The 16-lane
// (AVX-512) and 8-lane (AVX2) versions are the same loop.
template <bool kStrided>
__attribute__((target("avx512f"))) void PatchRows::packAvx512(float *dst, int p0, int kc, int j0, int nc,
                                                              int nr) const {
    const int plane = p_ * q_, vectors = nr / 16, sh = kStrided ? sh_ : 1, sw = kStrided ? sw_ : 1;
    const int64_t step = (int64_t)sw * c_;
    for (int r = 0; r < nc; r += nr, dst += (int64_t)nr * kc) {
        // vector v reads the pixel (top[v], left[v]) away from (oh*sh, ow*sw), channels from j % c on;
        // none past nc
        int top[kMaxPanel / 16], left[kMaxPanel / 16];
        int64_t at[kMaxPanel / 16];
        for (int v = 0; v < vectors; ++v) {
            const int j = j0 + r + 16 * v, t = j / c_;
            top[v] = j < j0 + nc ? ag_conv_source(0, t / kw_, 1, ph_) : -h_ - p_ * sh;
            left[v] = ag_conv_source(0, t % kw_, 1, pw_);
            at[v] = ((int64_t)top[v] * w_ + left[v]) * c_ + j % c_;
        }
        for (int kk = 0; kk < kc;) {
            const int row = p0 + kk, image = row / plane, p = row % plane / q_, q0 = row % q_;
            const int run = std::min(kc - kk, q_ - q0), ih = p * sh, iw = q0 * sw;
            const int64_t anchor = (((int64_t)image * h_ + ih) * w_ + iw) * c_;
            for (int v = 0; v < vectors; ++v) {
                int lo = run, hi = run; // pixels [lo, hi) of the run read inside the image
                const float *src = nullptr;
                if (ih + top[v] >= 0 && ih + top[v] < h_) {
                    insideRun(left[v], iw, run, sw, w_, lo, hi);
                    src = xT_ + anchor + at[v];
                }
                float *out = dst + (int64_t)kk * nr + 16 * v;
                int i = 0;
                for (; i < lo; ++i) _mm512_store_ps(out + i * nr, _mm512_setzero_ps());
                for (; i < hi; ++i) _mm512_store_ps(out + i * nr, _mm512_loadu_ps(src + i * step));
                for (; i < run; ++i) _mm512_store_ps(out + i * nr, _mm512_setzero_ps());
            }
            kk += run;
        }
    }
}

template <bool kStrided>
__attribute__((target("avx2"))) void PatchRows::packAvx2(float *dst, int p0, int kc, int j0, int nc, int nr) const {
    const int plane = p_ * q_, vectors = nr / 8, sh = kStrided ? sh_ : 1, sw = kStrided ? sw_ : 1;
    const int64_t step = (int64_t)sw * c_;
    for (int r = 0; r < nc; r += nr, dst += (int64_t)nr * kc) {
        int top[kMaxPanel / 8], left[kMaxPanel / 8];
        int64_t at[kMaxPanel / 8];
        for (int v = 0; v < vectors; ++v) {
            const int j = j0 + r + 8 * v, t = j / c_;
            top[v] = j < j0 + nc ? ag_conv_source(0, t / kw_, 1, ph_) : -h_ - p_ * sh;
            left[v] = ag_conv_source(0, t % kw_, 1, pw_);
            at[v] = ((int64_t)top[v] * w_ + left[v]) * c_ + j % c_;
        }
        for (int kk = 0; kk < kc;) {
            const int row = p0 + kk, image = row / plane, p = row % plane / q_, q0 = row % q_;
            const int run = std::min(kc - kk, q_ - q0), ih = p * sh, iw = q0 * sw;
            const int64_t anchor = (((int64_t)image * h_ + ih) * w_ + iw) * c_;
            for (int v = 0; v < vectors; ++v) {
                int lo = run, hi = run;
                const float *src = nullptr;
                if (ih + top[v] >= 0 && ih + top[v] < h_) {
                    insideRun(left[v], iw, run, sw, w_, lo, hi);
                    src = xT_ + anchor + at[v];
                }
                float *out = dst + (int64_t)kk * nr + 8 * v;
                int i = 0;
                for (; i < lo; ++i) _mm256_store_ps(out + i * nr, _mm256_setzero_ps());
                for (; i < hi; ++i) _mm256_store_ps(out + i * nr, _mm256_loadu_ps(src + i * step));
                for (; i < run; ++i) _mm256_store_ps(out + i * nr, _mm256_setzero_ps());
            }
            kk += run;
        }
    }
}

} // namespace ag::cpu
