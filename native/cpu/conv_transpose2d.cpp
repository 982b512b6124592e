// CPU twin of conv_transpose2d with kernel 2, stride 2, pad 0 (PyTorch layout: weight (c, k, 2, 2)).
// Every output pixel has exactly one source pixel, so the op is four 1x1 GEMMs, one per tap (a, b),
// done as one GEMM over the rows (k, a, b) of weight^T on the GEMM engine of gemm.cpp. T below is
// y regrouped by tap: T[.][(o, a, b)][i][j] = y[.][o][2i+a][2j+b].
//   forward:         T (k*4, n*h*w) = weight^T (k*4, c) . x (c, n*h*w), then y = T interleaved + bias
//   backward_data:   dx (c, n*h*w)  = weight (c, k*4) . D (k*4, n*h*w), D = dy regrouped by tap
//   backward_weight: weightGrad (c, k*4) += xT (c, n*h*w) . D^T (n*h*w, k*4), from channel-last copies
#include "ag/backend.h"
#include "ag/conv_shape.h"
#include "ag/conv_transpose2d_args.h"
#include "ag/cpu_gemm.h"
#include "ag/status.h"

#include <climits>

namespace {

ag_status outOfScratch(const char *function, int64_t floats) {
    return ag_fail(AG_ERR_OUT_OF_MEMORY, "%s: %lld bytes of scratch", function, (long long)floats * 4);
}

// T (n, k*4, h, w) -> y (n, k, 2h, 2w) plus bias: the tap rows (o, a, 0) and (o, a, 1) of input
// row i interleave into output row 2i+a.
void interleaveTaps(const float *taps, const float *bias, float *y, int n, int k, int h, int w) {
    const int64_t plane = (int64_t)h * w;
#pragma omp parallel for collapse(2) schedule(static) if (n * k * plane * 4 >= 32768)
    for (int image = 0; image < n; ++image)
        for (int o = 0; o < k; ++o) {
            const float shift = bias ? bias[o] : 0.0f;
            const float *src = taps + ((int64_t)image * k + o) * 4 * plane;
            float *dst = y + ((int64_t)image * k + o) * 4 * plane;
            for (int a = 0; a < 2; ++a)
                for (int i = 0; i < h; ++i) {
                    const float *t0 = src + 2 * a * plane + i * w, *t1 = t0 + plane;
                    float *out = dst + (int64_t)ag_deconv2x2_target(i, a) * ag_deconv2x2_out_size(w);
                    for (int j = 0; j < w; ++j) {
                        out[ag_deconv2x2_target(j, 0)] = t0[j] + shift;
                        out[ag_deconv2x2_target(j, 1)] = t1[j] + shift;
                    }
                }
        }
}

// dy (n, k, 2h, 2w) -> D (n, k*4, h, w), the inverse of interleaveTaps without the bias
void regroupByTap(const float *dy, float *regrouped, int n, int k, int h, int w) {
    const int64_t plane = (int64_t)h * w;
#pragma omp parallel for collapse(2) schedule(static) if (n * k * plane * 4 >= 32768)
    for (int image = 0; image < n; ++image)
        for (int o = 0; o < k; ++o) {
            const float *src = dy + ((int64_t)image * k + o) * 4 * plane;
            float *dst = regrouped + ((int64_t)image * k + o) * 4 * plane;
            for (int a = 0; a < 2; ++a)
                for (int i = 0; i < h; ++i) {
                    const float *row = src + (int64_t)ag_deconv2x2_target(i, a) * ag_deconv2x2_out_size(w);
                    float *t0 = dst + 2 * a * plane + i * w, *t1 = t0 + plane;
                    for (int j = 0; j < w; ++j) {
                        t0[j] = row[ag_deconv2x2_target(j, 0)];
                        t1[j] = row[ag_deconv2x2_target(j, 1)];
                    }
                }
        }
}

} // namespace

// x (n,c,h,w), weight (c,k,2,2), bias (k) or NULL -> y (n,k,2h,2w)
extern "C" ag_status ag_cpu_conv_transpose2d_forward(const float *x, const float *weight, const float *bias, float *y,
                                                     int n, int c, int h, int w, int k) {
    AG_CHECK(ag_conv_transpose2d_forward_check(x, weight, y, n, c, h, w, k));
    const int64_t plane = (int64_t)h * w, rows = (int64_t)k * 4;
    float *taps = ag::cpu::scratch(3, (size_t)(n * rows * plane));
    if (!taps) return outOfScratch(__func__, n * rows * plane);
    // T (n, k*4, h*w) = weight^T (k*4, c) . x
    const ag::cpu::MatrixA weightT(true, weight, rows);
    const ag::cpu::BatchMatrixB images(x, plane, (int)plane, c * plane);
    const ag_status gemmStatus = ag::cpu::gemm((int)rows, (int)(n * plane), c, 1.0f, weightT, images, 0.0f,
                                               {taps, plane, plane, rows * plane, nullptr});
    if (gemmStatus != AG_OK) return gemmStatus;
    interleaveTaps(taps, bias, y, n, k, h, w);
    return AG_OK;
}

// dy (n,k,2h,2w), weight (c,k,2,2) -> dx (n,c,h,w)
extern "C" ag_status ag_cpu_conv_transpose2d_backward_data(const float *dy, const float *weight, float *dx, int n,
                                                           int c, int h, int w, int k) {
    AG_CHECK(ag_conv_transpose2d_backward_data_check(dy, weight, dx, n, c, h, w, k));
    const int64_t plane = (int64_t)h * w, rows = (int64_t)k * 4;
    float *regrouped = ag::cpu::scratch(3, (size_t)(n * rows * plane));
    if (!regrouped) return outOfScratch(__func__, n * rows * plane);
    regroupByTap(dy, regrouped, n, k, h, w);
    // dx (c, n*h*w) = weight (c, k*4) . D
    const ag::cpu::MatrixA weights(false, weight, rows);
    const ag::cpu::BatchMatrixB taps(regrouped, plane, (int)plane, rows * plane);
    return ag::cpu::gemm(c, (int)(n * plane), (int)rows, 1.0f, weights, taps, 0.0f,
                         {dx, plane, plane, c * plane, nullptr});
}

// x (n,c,h,w), dy (n,k,2h,2w) -> weightGrad (c,k,2,2) +=, biasGrad (k) += (or NULL)
extern "C" ag_status ag_cpu_conv_transpose2d_backward_weight(const float *x, const float *dy, float *weightGrad,
                                                             float *biasGrad, int n, int c, int h, int w, int k) {
    AG_CHECK(ag_conv_transpose2d_backward_weight_check(x, dy, weightGrad, n, c, h, w, k));
    const int64_t plane = (int64_t)h * w, rows = (int64_t)k * 4;
    float *xT = ag::cpu::scratch(3, (size_t)(n * c * plane));
    float *regrouped = ag::cpu::scratch(4, (size_t)(n * rows * plane));
    float *perPixel = ag::cpu::scratch(5, (size_t)(n * rows * plane));
    if (!xT || !regrouped || !perPixel) return outOfScratch(__func__, n * (c + 2 * rows) * plane);
    // channel-last copies: xT (n*h*w, c), D^T (n*h*w, k*4)
    ag::cpu::transposeBatch(x, xT, n, c, (int)plane);
    regroupByTap(dy, regrouped, n, k, h, w);
    ag::cpu::transposeBatch(regrouped, perPixel, n, (int)rows, (int)plane);
    // weightGrad (c, k*4) += xT^T . D^T
    const ag_status gemmStatus = ag::cpu::gemm(true, false, c, (int)rows, (int)(n * plane), 1.0f, xT, c, perPixel,
                                               rows, 1.0f, weightGrad, rows);
    if (gemmStatus != AG_OK) return gemmStatus;
    if (biasGrad) {
#pragma omp parallel for schedule(static) if (n * rows * plane >= 32768)
        for (int o = 0; o < k; ++o) {
            double sum = 0.0;
            for (int image = 0; image < n; ++image)
                sum += ag::cpu::sumFloats(dy + ((int64_t)image * k + o) * 4 * plane, 4 * plane);
            biasGrad[o] += (float)sum;
        }
    }
    return AG_OK;
}
