/* Index math of conv2d (kernel kh x kw, stride sh x sw, zero padding ph x pw; each axis alike) and
 * of the 2x2 stride-2 conv_transpose2d, shared by the CPU and CUDA twins so that both read and
 * write the same pixels. */
#ifndef AG_CONV_SHAPE_H
#define AG_CONV_SHAPE_H

#include "ag/philox.h"

/* Output size along one axis: p = (h + 2*pad - kernel) / stride + 1 (h + 2*pad >= kernel). */
AG_HOST_DEVICE int ag_conv_out_size(int h, int kernel, int stride, int pad) {
    return (h + 2 * pad - kernel) / stride + 1;
}

/* One conv2d call's sizes: x (n,c,h,w), weight (k,c,kh,kw), stride sh x sw, padding ph x pw ->
 * y (n,k,p,q). */
typedef struct ag_conv2d_shape {
    int n, c, h, w, k, kh, kw, sh, sw, ph, pw, p, q;
} ag_conv2d_shape;

/* The sizes of a call that passed ag_conv2d_shape_check (ag/conv2d_args.h). */
static inline ag_conv2d_shape ag_conv2d_shape_of(int n, int c, int h, int w, int k, int kh, int kw, int sh, int sw,
                                                 int ph, int pw) {
    const ag_conv2d_shape s = {n,  c,  h,  w,  k,  kh, kw, sh, sw, ph, pw, ag_conv_out_size(h, kh, sh, ph),
                               ag_conv_out_size(w, kw, sw, pw)};
    return s;
}

/* The input coordinate that output coordinate o reads through kernel tap t (may lie outside). */
AG_HOST_DEVICE int ag_conv_source(int o, int t, int stride, int pad) { return o * stride + t - pad; }

/* backward_data reads dy zero-dilated by the stride ((p-1)*stride + 1 long, dy[o] at o*stride)
 * through the flipped kernel at stride 1 with this padding (negative = cropping). */
AG_HOST_DEVICE int ag_conv_backward_pad(int kernel, int pad) { return kernel - 1 - pad; }

/* Coordinate u of the dilated dy -> the dy coordinate there, or -1 where u falls on an inserted
 * zero or before the start (the caller checks the end). */
AG_HOST_DEVICE int ag_conv_undilate(int u, int stride) { return u >= 0 && u % stride == 0 ? u / stride : -1; }

/* conv_transpose2d (kernel 2, stride 2, pad 0): input pixel (i, j) and tap (a, b) write output
 * pixel (2i + a, 2j + b); every output pixel has exactly one source. */
AG_HOST_DEVICE int ag_deconv2x2_out_size(int h) { return 2 * h; }
AG_HOST_DEVICE int ag_deconv2x2_target(int i, int a) { return 2 * i + a; }

#endif
