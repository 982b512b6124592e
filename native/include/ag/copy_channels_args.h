/* The argument checks of copy_channels, shared by the CPU twin (native/cpu/copy_channels.cpp) and the CUDA twin
 * (native/cuda/copy_channels.cu): each twin begins with its op's check, so both refuse the same calls with the
 * same messages, which name the C API entry point. Each returns AG_OK or the status of ag_fail. */
#ifndef AG_COPY_CHANNELS_ARGS_H
#define AG_COPY_CHANNELS_ARGS_H

#include "status.h"

static inline ag_status ag_copy_channels_check(const float *x, const float *y, int n, int cx, int h, int w, int cy,
                                               int offset) {
    const char *op = "ag_copy_channels";
    AG_REQUIRE_PTR(op, x);
    AG_REQUIRE_PTR(op, y);
    AG_REQUIRE(n > 0 && cx > 0 && h > 0 && w > 0, "%s: shape must be positive, got n=%d cx=%d h=%d w=%d", op, n, cx, h,
               w);
    AG_REQUIRE(offset >= 0 && cy >= offset + cx, "%s: channels [%d, %d) do not fit in y's cy = %d", op, offset,
               offset + cx, cy);
    return AG_OK;
}

#endif
