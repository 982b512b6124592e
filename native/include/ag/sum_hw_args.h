/* The argument checks of sum_hw, shared by the CPU twin (native/cpu/sum_hw.cpp) and the CUDA twin
 * (native/cuda/sum_hw.cu): each twin begins with its op's check, so both refuse the same calls with the
 * same messages, which name the C API entry point. Each returns AG_OK or the status of ag_fail. */
#ifndef AG_SUM_HW_ARGS_H
#define AG_SUM_HW_ARGS_H

#include "status.h"

/* both operands set, positive shape */
static inline ag_status ag_sum_hw_check(const char *op, const float *from, const char *fromName, const float *to,
                                        const char *toName, int n, int c, int h, int w) {
    AG_REQUIRE(from != 0, "%s: %s is NULL", op, fromName);
    AG_REQUIRE(to != 0, "%s: %s is NULL", op, toName);
    AG_REQUIRE(n > 0 && c > 0 && h > 0 && w > 0, "%s: shape must be positive, got n=%d c=%d h=%d w=%d", op, n, c, h, w);
    return AG_OK;
}

static inline ag_status ag_sum_hw_forward_check(const float *x, const float *y, int n, int c, int h, int w) {
    return ag_sum_hw_check("ag_sum_hw_forward", x, "x", y, "y", n, c, h, w);
}

static inline ag_status ag_sum_hw_backward_check(const float *dy, const float *dx, int n, int c, int h, int w) {
    return ag_sum_hw_check("ag_sum_hw_backward", dy, "dy", dx, "dx", n, c, h, w);
}

#endif
