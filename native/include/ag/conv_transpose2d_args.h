/* The argument checks of conv_transpose2d, shared by the CPU twin (native/cpu/conv_transpose2d.cpp) and the CUDA twin
 * (native/cuda/conv_transpose2d.cu): each twin begins with its op's check, so both refuse the same calls with the
 * same messages, which name the C API entry point. Each returns AG_OK or the status of ag_fail. */
#ifndef AG_CONV_TRANSPOSE2D_ARGS_H
#define AG_CONV_TRANSPOSE2D_ARGS_H

#include <limits.h>

#include "status.h"

/* the three operands set, x (n,c,h,w) and k output channels positive, n*h*w and 4k within int */
static inline ag_status ag_conv_transpose2d_check(const char *op, const float *first, const char *firstName,
                                                  const float *second, const char *secondName, const float *out,
                                                  const char *outName, int n, int c, int h, int w, int k) {
    AG_REQUIRE(first != 0, "%s: %s is NULL", op, firstName);
    AG_REQUIRE(second != 0, "%s: %s is NULL", op, secondName);
    AG_REQUIRE(out != 0, "%s: %s is NULL", op, outName);
    AG_REQUIRE(n > 0 && c > 0 && h > 0 && w > 0 && k > 0, "%s: shape must be positive, got n=%d c=%d h=%d w=%d k=%d",
               op,
               n, c, h, w, k);
    AG_REQUIRE((int64_t)n * h * w <= INT_MAX && (int64_t)k * 4 <= INT_MAX, "%s: n*h*w = %lld too large", op,
               (long long)n * h * w);
    return AG_OK;
}

static inline ag_status ag_conv_transpose2d_forward_check(const float *x, const float *weight, const float *y, int n,
                                                          int c, int h, int w, int k) {
    return ag_conv_transpose2d_check("ag_conv_transpose2d_forward", x, "x", weight, "weight", y, "y", n, c, h, w, k);
}

static inline ag_status ag_conv_transpose2d_backward_data_check(const float *dy, const float *weight, const float *dx,
                                                                int n, int c, int h, int w, int k) {
    return ag_conv_transpose2d_check("ag_conv_transpose2d_backward_data", dy, "dy", weight, "weight", dx, "dx", n, c,
                                     h, w, k);
}

static inline ag_status ag_conv_transpose2d_backward_weight_check(const float *x, const float *dy,
                                                                  const float *weightGrad, int n, int c, int h, int w,
                                                                  int k) {
    return ag_conv_transpose2d_check("ag_conv_transpose2d_backward_weight", x, "x", dy, "dy", weightGrad, "weightGrad",
                                     n, c, h, w, k);
}

#endif
