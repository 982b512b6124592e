/* The argument checks of channel_affine, shared by the CPU twin (native/cpu/channel_affine.cpp) and the CUDA twin
 * (native/cuda/channel_affine.cu): each twin begins with its op's check, so both refuse the same calls with the
 * same messages, which name the C API entry point. Each returns AG_OK or the status of ag_fail. */
#ifndef AG_CHANNEL_AFFINE_ARGS_H
#define AG_CHANNEL_AFFINE_ARGS_H

#include "status.h"

static inline ag_status ag_channel_affine_forward_check(const float *x, const float *scale, const float *shift,
                                                        const float *y, int n, int c, int h, int w) {
    const char *op = "ag_channel_affine_forward";
    AG_REQUIRE_PTR(op, x);
    AG_REQUIRE_PTR(op, scale);
    AG_REQUIRE_PTR(op, shift);
    AG_REQUIRE_PTR(op, y);
    AG_REQUIRE(n > 0 && c > 0 && h > 0 && w > 0, "%s: shape must be positive, got n=%d c=%d h=%d w=%d", op, n, c, h, w);
    return AG_OK;
}

#endif
