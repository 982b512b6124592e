/* Index math of the stride-1 conv2d and the 2x2 stride-2 conv_transpose2d, shared by the CPU and
 * CUDA twins so that both read and write the same pixels. */
#ifndef AG_CONV_SHAPE_H
#define AG_CONV_SHAPE_H

#include "ag/philox.h"

/* Output size of a stride-1 convolution: p = h + 2*pad - kernel + 1. */
AG_HOST_DEVICE int ag_conv_out_size(int h, int kernel, int pad) { return h + 2 * pad - kernel + 1; }

/* The input coordinate that output coordinate o reads through kernel tap t (may lie outside). */
AG_HOST_DEVICE int ag_conv_source(int o, int t, int pad) { return o + t - pad; }

/* backward_data of a stride-1 conv is a stride-1 conv of dy with the flipped kernel and this
 * padding (negative = cropping): h = p + 2*pad' - kernel + 1. */
AG_HOST_DEVICE int ag_conv_backward_pad(int kernel, int pad) { return kernel - 1 - pad; }

/* conv_transpose2d (kernel 2, stride 2, pad 0): input pixel (i, j) and tap (a, b) write output
 * pixel (2i + a, 2j + b); every output pixel has exactly one source. */
AG_HOST_DEVICE int ag_deconv2x2_out_size(int h) { return 2 * h; }
AG_HOST_DEVICE int ag_deconv2x2_target(int i, int a) { return 2 * i + a; }

#endif
