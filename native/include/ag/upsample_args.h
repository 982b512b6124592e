/* The argument checks of upsample, shared by the CPU twin (native/cpu/upsample.cpp) and the CUDA twin
 * (native/cuda/upsample.cu): each twin begins with its op's check, so both refuse the same calls with the
 * same messages, which name the C API entry point. Each returns AG_OK or the status of ag_fail. */
#ifndef AG_UPSAMPLE_ARGS_H
#define AG_UPSAMPLE_ARGS_H

#include "status.h"

/* both planes set, every size positive, a known ag_upsample_mode */
static inline ag_status ag_upsample_check(const char *op, const float *from, const char *fromName, const float *to,
                                          const char *toName, int n, int c, int h, int w, int outH, int outW,
                                          int mode) {
    AG_REQUIRE(from != 0, "%s: %s is NULL", op, fromName);
    AG_REQUIRE(to != 0, "%s: %s is NULL", op, toName);
    AG_REQUIRE(n > 0 && c > 0 && h > 0 && w > 0 && outH > 0 && outW > 0,
               "%s: shape must be positive, got n=%d c=%d h=%d w=%d outH=%d outW=%d", op, n, c, h, w, outH, outW);
    AG_REQUIRE(mode == AG_UPSAMPLE_BILINEAR || mode == AG_UPSAMPLE_NEAREST, "%s: unknown mode %d", op, mode);
    return AG_OK;
}

static inline ag_status ag_upsample_forward_check(const float *x, const float *y, int n, int c, int h, int w, int outH,
                                                  int outW, int mode) {
    return ag_upsample_check("ag_upsample_forward", x, "x", y, "y", n, c, h, w, outH, outW, mode);
}

static inline ag_status ag_upsample_backward_check(const float *dy, const float *dx, int n, int c, int h, int w,
                                                   int outH, int outW, int mode) {
    return ag_upsample_check("ag_upsample_backward", dy, "dy", dx, "dx", n, c, h, w, outH, outW, mode);
}

#endif
