// CPU twin of conv2d (kernel kh x kw, stride sh x sw, zero padding ph x pw) as implicit-im2col
// GEMMs on the engine in gemm.cpp: the im2col operand is packed straight from the images (never
// stored whole), and all images of the batch form one GEMM, so small images still give long GEMM rows.
//   forward:         y (k, n*p*q)      = weight (k, c*kh*kw) . cols(x) (c*kh*kw, n*p*q)
//   backward_data:   dx (c, n*h*w)     = flipped weight (c, k*kh*kw) . cols(dy dilated by the stride,
//                                        stride 1, pad' = kernel-1-pad)
//   backward_weight: G (k, kh*kw*c)    = dy (k, n*p*q) . patches(x) (n*p*q, kh*kw*c), then weightGrad += G
//                    (in chunks of images, from channel-last copies of x and dy)
// The packers (conv2d_patch_rows.cpp) have vector paths for the shapes training runs and a plain
// path for everything else.
// 3x3 stride-1 pad-1 convolutions that winogradApplies() accepts go to winograd.h instead.
#include "ag/backend.h"
#include "ag/conv2d_args.h"
#include "ag/conv_shape.h"
#include "ag/cpu_gemm.h"
#include "ag/status.h"
#include "conv2d_patch_rows.h"
#include "winograd.h"

#include <omp.h>

#include <algorithm>

namespace {

using ag::cpu::GemmA;
using ag::cpu::ImageColumns;
using ag::cpu::PatchRows;
using ag::cpu::Window;
using ag::cpu::windowMasks;

constexpr int64_t kChunkPixels = 2048; // backward_weight's chunks of the batch

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

} // namespace

// x (n,c,h,w), weight (k,c,kh,kw), bias (k) or NULL -> y (n,k,p,q)
extern "C" ag_status ag_cpu_conv2d_forward(const float *x, const float *weight, const float *bias, float *y, int n,
                                           int c, int h, int w, int k, int kh, int kw, int sh, int sw, int ph, int pw) {
    AG_CHECK(ag_conv2d_forward_check(x, weight, y, n, c, h, w, k, kh, kw, sh, sw, ph, pw));
    const ag_conv2d_shape s = ag_conv2d_shape_of(n, c, h, w, k, kh, kw, sh, sw, ph, pw);
    if (ag::cpu::winogradApplies(s)) return ag::cpu::winogradForward(x, weight, bias, y, s);
    const int p = s.p, q = s.q, taps = kh * kw;
    Window win{x, n, c, h, w, p, q, kh, kw, sh, sw, ph, pw, 1, 1, nullptr, 0};
    windowMasks(win, ag::cpu::gemmKernel().nr);
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
               sh, sw, nullptr, 0};
    windowMasks(win, ag::cpu::gemmKernel().nr);
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
