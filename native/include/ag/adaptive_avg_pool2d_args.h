/* The argument checks of adaptive_avg_pool2d, shared by the CPU twin
 * (native/cpu/adaptive_avg_pool2d.cpp) and the CUDA twin (native/cuda/adaptive_avg_pool2d.cu): each
 * twin begins with its op's check, so both refuse the same calls with the same messages, which name
 * the C API entry point. Each returns AG_OK or the status of ag_fail. */
#ifndef AG_ADAPTIVE_AVG_POOL2D_ARGS_H
#define AG_ADAPTIVE_AVG_POOL2D_ARGS_H

#include "status.h"

static inline ag_status ag_adaptive_avg_pool2d_forward_check(const float *x, const float *y, int n, int c, int h,
                                                             int w) {
    const char *op = "ag_adaptive_avg_pool2d_forward";
    AG_REQUIRE_PTR(op, x);
    AG_REQUIRE_PTR(op, y);
    AG_REQUIRE(n > 0 && c > 0 && h > 0 && w > 0, "%s: shape must be positive, got n=%d c=%d h=%d w=%d", op, n, c, h, w);
    return AG_OK;
}

#endif
