// CPU twin of conv2d (kernel kh x kw, stride sh x sw, zero padding ph x pw) as implicit-im2col
// GEMMs on the engine in gemm.cpp: the im2col operand is packed straight from the images (never
// stored whole), and all images of the batch form one GEMM, so small images still give long GEMM rows.
//   forward:         y (k, n*p*q)      = weight (k, c*kh*kw) . cols(x) (c*kh*kw, n*p*q)
//   backward_data:   dx (c, n*h*w)     = flipped weight (c, k*kh*kw) . cols(dy dilated by the stride,
//                                        stride 1, pad' = kernel-1-pad)
//   backward_weight: G (k, kh*kw*c)    = dy (k, n*p*q) . patches(x) (n*p*q, kh*kw*c), then weightGrad += G
//                    (in chunks of images, from channel-last copies of x and dy)
// The packers have an AVX-512 path (masked loads give the zero padding) for stride-1 "same"
// convolutions of images whose pixel count is a multiple of 16, and a plain path for everything else.
// 3x3 stride-1 pad-1 convolutions that winogradApplies() accepts go to winograd.h instead.
#include "ag/backend.h"
#include "ag/conv2d_args.h"
#include "ag/conv_shape.h"
#include "ag/cpu_gemm.h"
#include "ag/status.h"
#include "winograd.h"

#include <immintrin.h>
#include <omp.h>

#include <algorithm>

namespace {

using ag::cpu::GemmA;
using ag::cpu::GemmB;

constexpr int kMaxTaps = 25;  // kh*kw <= 25 on the vectorized paths
constexpr int kMaxPanel = 64; // nr of every micro-kernel
constexpr int64_t kChunkPixels = 2048; // backward_weight's chunks of the batch

bool vectorizable(int nr) { return &ag::cpu::gemmKernel() == &ag::cpu::kGemmKernelAvx512 && nr % 16 == 0; }

// Images src (n, channels, hs, ws) read by a kh x kw kernel at output pixels (ho, wo): tap (r, s)
// of output pixel (oh, ow) reads row u = oh*sh + r - ph and column v = ow*sw + s - pw of src, or,
// with a dilation dh x dw > 1 (src is dy, dilated by the forward's stride), src row u/dh where dh | u.
struct Window {
    const float *src;
    int n, channels, hs, ws, ho, wo, kh, kw, sh, sw, ph, pw, dh, dw;
    const uint16_t *masks; // (ho*wo/16, kh*kw): lanes whose tap lies inside, or NULL
};

// cols(src): row (c, r, s), column (image, oh, ow) = src[image][c][u][v] as above, or 0.
class ImageColumns final : public GemmB {
public:
    explicit ImageColumns(const Window &w) : w_(w) {}
    void pack(float *dst, int p0, int kc, int j0, int nc, int nr) const override {
        if (w_.masks && vectorizable(nr))
            packVectors(dst, p0, kc, j0, nc, nr);
        else if (w_.dh == 1 && w_.dw == 1)
            packElements<false>(dst, p0, kc, j0, nc, nr);
        else
            packElements<true>(dst, p0, kc, j0, nc, nr);
    }

private:
    template <bool kDilated> void packElements(float *dst, int p0, int kc, int j0, int nc, int nr) const {
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

    // Stride 1, "same" geometry (ho = hs, wo = ws) and 16 | h*w: the 16 pixels of a vector lie in
    // one image, and tap (r, s) reads them at one constant offset, masked where it falls outside.
    __attribute__((target("avx512f"))) void packVectors(float *dst, int p0, int kc, int j0, int nc, int nr) const {
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
                    const __m512 value =
                        masks[v] ? _mm512_maskz_loadu_ps(masks[v][t], src + base[v]) : _mm512_setzero_ps();
                    _mm512_store_ps(dst + kk * nr + 16 * v, value);
                }
                if (++t == taps) {
                    t = 0;
                    ++c;
                }
            }
        }
    }

    Window w_;
};

// For each 16-pixel vector of win's (hs, ws) images and each tap: the lanes whose source pixel is
// inside. Returns NULL where the vectorized packer does not apply.
const uint16_t *windowMasks(const Window &win) {
    const int h = win.hs, w = win.ws, plane = h * w, taps = win.kh * win.kw;
    const bool unit = win.sh == 1 && win.sw == 1 && win.dh == 1 && win.dw == 1;
    if (!unit || win.ho != h || win.wo != w || plane % 16 != 0 || taps > kMaxTaps ||
        !vectorizable(ag::cpu::gemmKernel().nr))
        return nullptr;
    const size_t count = (size_t)plane / 16 * taps;
    uint16_t *masks = reinterpret_cast<uint16_t *>(ag::cpu::scratch(3, (count + 1) / 2));
    if (!masks) return nullptr;
    for (int vector = 0; vector < plane / 16; ++vector)
        for (int t = 0; t < taps; ++t) {
            uint16_t bits = 0;
            for (int lane = 0; lane < 16; ++lane) {
                const int pixel = vector * 16 + lane, ih = ag_conv_source(pixel / w, t / win.kw, 1, win.ph),
                          iw = ag_conv_source(pixel % w, t % win.kw, 1, win.pw);
                if (ih >= 0 && ih < h && iw >= 0 && iw < w) bits |= (uint16_t)(1u << lane);
            }
            masks[vector * taps + t] = bits;
        }
    return masks;
}

// backward_data's A: row c, column (k, r, s) = weight[k][c][kh-1-r][kw-1-s] (taps = kh*kw).
class FlippedWeights final : public GemmA {
public:
    FlippedWeights(const float *weight, int c, int taps) : weight_(weight), c_(c), taps_(taps) {}
    void pack(float *dst, int i0, int mc, int p0, int kc, int mr) const override {
        const int taps = taps_;
        for (int r = 0; r < mc; r += mr, dst += (int64_t)mr * kc)
            for (int p = 0; p < kc; ++p) {
                const int k = (p0 + p) / taps, flipped = taps - 1 - (p0 + p) % taps;
                for (int i = 0; i < mr; ++i) {
                    const int channel = i0 + r + i;
                    dst[p * mr + i] = r + i < mc ? weight_[((int64_t)k * c_ + channel) * taps + flipped] : 0.0f;
                }
            }
    }

private:
    const float *weight_;
    int c_, taps_;
};

// The first i >= 0 (unclamped) with i*stride >= a: ceil(a / stride).
int firstMultiple(int a, int stride) {
    if (stride == 1) return a;
    return a >= 0 ? (a + stride - 1) / stride : -(-a / stride);
}

// backward_weight's B from xT (n, h, w, c): row (image, oh, ow), column (r, s, c) =
// xT[image][oh*sh+r-ph][ow*sw+s-pw][c] or 0.
class PatchRows final : public GemmB {
public:
    PatchRows(const float *xT, const ag_conv2d_shape &s)
        : xT_(xT), c_(s.c), h_(s.h), w_(s.w), p_(s.p), q_(s.q), kh_(s.kh), kw_(s.kw), sh_(s.sh), sw_(s.sw), ph_(s.ph),
          pw_(s.pw) {}
    void pack(float *dst, int p0, int kc, int j0, int nc, int nr) const override {
        if (c_ % 16 != 0 || !vectorizable(nr))
            packElements(dst, p0, kc, j0, nc, nr);
        else if (sh_ == 1 && sw_ == 1)
            packVectors<false>(dst, p0, kc, j0, nc, nr);
        else
            packVectors<true>(dst, p0, kc, j0, nc, nr);
    }

private:
    // Where in xT output pixel (image, p, q) reads through tap t, or -1 when that is outside.
    int64_t source(int image, int p, int q, int t) const {
        const int ih = ag_conv_source(p, t / kw_, sh_, ph_), iw = ag_conv_source(q, t % kw_, sw_, pw_);
        if (ih < 0 || ih >= h_ || iw < 0 || iw >= w_) return -1;
        return (((int64_t)image * h_ + ih) * w_ + iw) * c_;
    }

    void packElements(float *dst, int p0, int kc, int j0, int nc, int nr) const {
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
    // training convs) is compiled on its own, with the stride arithmetic folded away.
    template <bool kStrided>
    __attribute__((target("avx512f"))) void packVectors(float *dst, int p0, int kc, int j0, int nc, int nr) const {
        const int plane = p_ * q_, vectors = nr / 16, sh = kStrided ? sh_ : 1, sw = kStrided ? sw_ : 1;
        const int64_t step = (int64_t)sw * c_;
        for (int r = 0; r < nc; r += nr, dst += (int64_t)nr * kc) {
            // vector v reads the pixel (top[v], left[v]) away from (oh*sh, ow*sw), channels from j % c
            // on; none past nc
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
                        lo = std::clamp(firstMultiple(-left[v] - iw, sw), 0, run);
                        hi = std::clamp(firstMultiple(w_ - left[v] - iw, sw), lo, run);
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

    const float *xT_;
    int c_, h_, w_, p_, q_, kh_, kw_, sh_, sw_, ph_, pw_;
};

} // namespace

// x (n,c,h,w), weight (k,c,kh,kw), bias (k) or NULL -> y (n,k,p,q)
extern "C" ag_status ag_cpu_conv2d_forward(const float *x, const float *weight, const float *bias, float *y, int n,
                                           int c, int h, int w, int k, int kh, int kw, int sh, int sw, int ph, int pw) {
    AG_CHECK(ag_conv2d_forward_check(x, weight, y, n, c, h, w, k, kh, kw, sh, sw, ph, pw));
    const ag_conv2d_shape s = ag_conv2d_shape_of(n, c, h, w, k, kh, kw, sh, sw, ph, pw);
    if (ag::cpu::winogradApplies(s)) return ag::cpu::winogradForward(x, weight, bias, y, s);
    const int p = s.p, q = s.q, taps = kh * kw;
    Window win{x, n, c, h, w, p, q, kh, kw, sh, sw, ph, pw, 1, 1, nullptr};
    win.masks = windowMasks(win);
    const ImageColumns cols(win);
    const ag::cpu::MatrixA weights(false, weight, (int64_t)c * taps);
    return ag::cpu::gemm(k, n * p * q, c * taps, 1.0f, weights, cols, 0.0f,
                         {y, (int64_t)p * q, (int64_t)p * q, (int64_t)k * p * q, bias});
}

// dy (n,k,p,q), weight (k,c,kh,kw) -> dx (n,c,h,w)
extern "C" ag_status ag_cpu_conv2d_backward_data(const float *dy, const float *weight, float *dx, int n, int c, int h,
                                                 int w, int k, int kh, int kw, int sh, int sw, int ph, int pw) {
    AG_CHECK(ag_conv2d_backward_data_check(dy, weight, dx, n, c, h, w, k, kh, kw, sh, sw, ph, pw));
    const ag_conv2d_shape s = ag_conv2d_shape_of(n, c, h, w, k, kh, kw, sh, sw, ph, pw);
    if (ag::cpu::winogradApplies(s)) return ag::cpu::winogradBackwardData(dy, weight, dx, s);
    Window win{dy, n, k, s.p, s.q, h, w, kh, kw, 1, 1, ag_conv_backward_pad(kh, ph), ag_conv_backward_pad(kw, pw),
               sh, sw, nullptr};
    win.masks = windowMasks(win);
    const ImageColumns cols(win);
    const FlippedWeights weights(weight, c, kh * kw);
    return ag::cpu::gemm(c, n * h * w, k * kh * kw, 1.0f, weights, cols, 0.0f,
                         {dx, (int64_t)h * w, (int64_t)h * w, (int64_t)c * h * w, nullptr});
}

// x (n,c,h,w), dy (n,k,p,q) -> weightGrad (k,c,kh,kw) +=, biasGrad (k) += (or NULL)
extern "C" ag_status ag_cpu_conv2d_backward_weight(const float *x, const float *dy, float *weightGrad,
                                                   float *biasGrad, int n, int c, int h, int w, int k, int kh, int kw,
                                                   int sh, int sw, int ph, int pw) {
    AG_CHECK(ag_conv2d_backward_weight_check(x, dy, weightGrad, n, c, h, w, k, kh, kw, sh, sw, ph, pw));
    const ag_conv2d_shape s = ag_conv2d_shape_of(n, c, h, w, k, kh, kw, sh, sw, ph, pw);
    if (ag::cpu::winogradApplies(s)) return ag::cpu::winogradBackwardWeight(x, dy, weightGrad, biasGrad, s);
    const int taps = kh * kw;
    const int64_t plane = (int64_t)s.p * s.q;
    // The batch in chunks of whole images, about kChunkPixels output pixels each (fixed by the shape):
    // each chunk's gradient is one GEMM on channel-last copies of its x and dy, and the gradients
    // are summed in chunk order, so OpenMP can run whole chunks without changing the sums.
    const int chunkImages = (int)std::clamp<int64_t>(kChunkPixels / plane, 1, n);
    const int chunks = (n + chunkImages - 1) / chunkImages;
    const int threads = omp_in_parallel() ? 1 : std::min(omp_get_max_threads(), chunks);
    // chunk -> grad (k, taps, c), in the calling thread's scratch
    const auto chunkGradient = [&](int chunk, float **grad) -> ag_status {
        const int first = chunk * chunkImages, count = std::min(chunkImages, n - first);
        const int64_t xSize = (int64_t)count * c * h * w, dySize = count * k * plane;
        float *xT = ag::cpu::scratch(3, (size_t)xSize), *dyT = ag::cpu::scratch(4, (size_t)dySize);
        *grad = ag::cpu::scratch(5, (size_t)k * taps * c);
        if (!xT || !dyT || !*grad)
            return ag_fail(AG_ERR_OUT_OF_MEMORY, "ag_cpu_conv2d_backward_weight: %lld bytes of scratch",
                           (long long)(xSize + dySize + (int64_t)k * taps * c) * 4);
        // xT (count, h, w, c), dyT (count*p*q, k); grad = dy . patches(x)
        ag::cpu::transposeBatch(x + (int64_t)first * c * h * w, xT, count, c, h * w);
        ag::cpu::transposeBatch(dy + (int64_t)first * k * plane, dyT, count, k, (int)plane);
        const ag::cpu::MatrixA rows(true, dyT, k);
        const PatchRows patches(xT, s);
        return ag::cpu::gemm(k, taps * c, (int)(count * plane), 1.0f, rows, patches, 0.0f,
                             {*grad, (int64_t)taps * c, taps * c, 0, nullptr});
    };
    // total (k, taps, c) = the chunks' grads added in chunk order (unless one failed)
    const int64_t gradSize = (int64_t)k * taps * c;
    float *total = ag::cpu::scratch(6, (size_t)gradSize);
    if (!total) return ag_fail(AG_ERR_OUT_OF_MEMORY, "%s: %lld bytes of scratch", __func__, (long long)gradSize * 4);
    ag_status failure = AG_OK;
    const auto accumulate = [&](int chunk, ag_status status, const float *grad) {
        if (failure == AG_OK) failure = status;
        if (failure != AG_OK) return;
        if (chunk == 0)
            std::copy(grad, grad + gradSize, total);
        else
            for (int64_t e = 0; e < gradSize; ++e) total[e] += grad[e];
    };
    if (threads > 1) {
#pragma omp parallel for ordered schedule(static, 1) num_threads(threads)
        for (int chunk = 0; chunk < chunks; ++chunk) {
            float *grad = nullptr;
            const ag_status status = chunkGradient(chunk, &grad);
#pragma omp ordered
            accumulate(chunk, status, grad);
        }
    } else {
        for (int chunk = 0; chunk < chunks; ++chunk) {
            float *grad = nullptr;
            const ag_status status = chunkGradient(chunk, &grad);
            accumulate(chunk, status, grad);
        }
    }
    if (failure != AG_OK) return failure;
    // weightGrad (k, c, taps) += total (k, taps, c)
#pragma omp parallel for schedule(static) if (gradSize >= 32768)
    for (int o = 0; o < k; ++o)
        for (int i = 0; i < c; ++i)
            for (int t = 0; t < taps; ++t)
                weightGrad[((int64_t)o * c + i) * taps + t] += total[((int64_t)o * taps + t) * c + i];
    if (biasGrad) {
#pragma omp parallel for schedule(static) if ((int64_t)n * k * plane >= 32768)
        for (int o = 0; o < k; ++o) {
            double sum = 0.0;
            for (int image = 0; image < n; ++image)
                sum += ag::cpu::sumFloats(dy + ((int64_t)image * k + o) * plane, plane);
            biasGrad[o] += (float)sum;
        }
    }
    return AG_OK;
}
