/* The argument checks of conv2d, shared by the CPU twin (native/cpu/conv2d.cpp) and the CUDA twin
 * (native/cuda/conv2d.cu): each twin begins with its op's check, so both refuse the same calls with the
 * same messages, which name the C API entry point. Each returns AG_OK or the status of ag_fail. */
#ifndef AG_CONV2D_ARGS_H
#define AG_CONV2D_ARGS_H

#include "conv_shape.h"
#include "status.h"

/* x (n,c,h,w), weight (k,c,kh,kw), stride sh x sw, padding ph x pw: every size positive, the
 * padded image at least the kernel, and the GEMM extents (pixels, channels*taps) within int.
 * AG_OK or ag_fail naming function. */
static inline ag_status ag_conv2d_shape_check(const char *function, int n, int c, int h, int w, int k, int kh, int kw,
                                              int sh, int sw, int ph, int pw) {
    AG_REQUIRE(n > 0 && c > 0 && h > 0 && w > 0 && k > 0, "%s: shape must be positive, got n=%d c=%d h=%d w=%d k=%d",
               function, n, c, h, w, k);
    AG_REQUIRE(kh > 0 && kw > 0, "%s: kernel %dx%d must be positive", function, kh, kw);
    AG_REQUIRE(sh > 0 && sw > 0, "%s: stride %dx%d must be positive", function, sh, sw);
    AG_REQUIRE(ph >= 0 && pw >= 0, "%s: padding %dx%d must be >= 0", function, ph, pw);
    const int64_t paddedH = (int64_t)h + 2 * (int64_t)ph, paddedW = (int64_t)w + 2 * (int64_t)pw;
    AG_REQUIRE(paddedH >= kh && paddedW >= kw, "%s: kernel %dx%d with padding %dx%d leaves no output for %dx%d",
               function, kh, kw, ph, pw, h, w);
    /* p, q <= 2^31 each, so p*q fits in int64_t, and then n*p*q too once p*q is within int */
    const int64_t p = (paddedH - kh) / sh + 1, q = (paddedW - kw) / sw + 1;
    const int64_t plane = (int64_t)h * w > p * q ? (int64_t)h * w : p * q;
    const int64_t depth = (int64_t)(c > k ? c : k) * kh * kw;
    AG_REQUIRE(plane <= 0x7fffffff && (int64_t)n * plane <= 0x7fffffff && depth <= 0x7fffffff,
               "%s: %d images of %dx%d -> %lldx%lld pixels, or channels*kh*kw = %lld, too large for int indexing",
               function, n, h, w, (long long)p, (long long)q, (long long)depth);
    return AG_OK;
}

static inline ag_status ag_conv2d_forward_check(const float *x, const float *weight, const float *y, int n, int c,
                                                int h, int w, int k, int kh, int kw, int sh, int sw, int ph, int pw) {
    const char *op = "ag_conv2d_forward";
    AG_REQUIRE_PTR(op, x);
    AG_REQUIRE_PTR(op, weight);
    AG_REQUIRE_PTR(op, y);
    return ag_conv2d_shape_check(op, n, c, h, w, k, kh, kw, sh, sw, ph, pw);
}

static inline ag_status ag_conv2d_backward_data_check(const float *dy, const float *weight, const float *dx, int n,
                                                      int c, int h, int w, int k, int kh, int kw, int sh, int sw,
                                                      int ph, int pw) {
    const char *op = "ag_conv2d_backward_data";
    AG_REQUIRE_PTR(op, dy);
    AG_REQUIRE_PTR(op, weight);
    AG_REQUIRE_PTR(op, dx);
    return ag_conv2d_shape_check(op, n, c, h, w, k, kh, kw, sh, sw, ph, pw);
}

static inline ag_status ag_conv2d_backward_weight_check(const float *x, const float *dy, const float *weightGrad, int n,
                                                        int c, int h, int w, int k, int kh, int kw, int sh, int sw,
                                                        int ph, int pw) {
    const char *op = "ag_conv2d_backward_weight";
    AG_REQUIRE_PTR(op, x);
    AG_REQUIRE_PTR(op, dy);
    AG_REQUIRE_PTR(op, weightGrad);
    return ag_conv2d_shape_check(op, n, c, h, w, k, kh, kw, sh, sw, ph, pw);
}

#endif
