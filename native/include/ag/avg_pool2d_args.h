/* The argument checks of avg_pool2d, shared by the CPU twin (native/cpu/avg_pool2d.cpp) and the CUDA twin
 * (native/cuda/avg_pool2d.cu): each twin begins with its op's check, so both refuse the same calls with the
 * same messages, which name the C API entry point. Each returns AG_OK or the status of ag_fail. */
#ifndef AG_AVG_POOL2D_ARGS_H
#define AG_AVG_POOL2D_ARGS_H

#include "status.h"

/* both planes set, positive shape, even h and w */
static inline ag_status ag_avg_pool2d_check(const char *op, const float *from, const char *fromName, const float *to,
                                            const char *toName, int n, int c, int h, int w) {
    AG_REQUIRE(from != 0, "%s: %s is NULL", op, fromName);
    AG_REQUIRE(to != 0, "%s: %s is NULL", op, toName);
    AG_REQUIRE(n > 0 && c > 0 && h > 0 && w > 0, "%s: shape must be positive, got n=%d c=%d h=%d w=%d", op, n, c, h, w);
    AG_REQUIRE(h % 2 == 0 && w % 2 == 0, "%s: h and w must be even, got h=%d w=%d", op, h, w);
    return AG_OK;
}

static inline ag_status ag_avg_pool2d_forward_check(const float *x, const float *y, int n, int c, int h, int w) {
    return ag_avg_pool2d_check("ag_avg_pool2d_forward", x, "x", y, "y", n, c, h, w);
}

static inline ag_status ag_avg_pool2d_backward_check(const float *dy, const float *dx, int n, int c, int h, int w) {
    return ag_avg_pool2d_check("ag_avg_pool2d_backward", dy, "dy", dx, "dx", n, c, h, w);
}

#endif
