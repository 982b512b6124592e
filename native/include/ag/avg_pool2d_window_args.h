/* The argument checks of avg_pool2d_window, shared by the CPU twin (native/cpu/avg_pool2d_window.cpp) and the CUDA twin
 * (native/cuda/avg_pool2d_window.cu): each twin begins with its op's check, so both refuse the same calls with the
 * same messages, which name the C API entry point. Each returns AG_OK or the status of ag_fail. */
#ifndef AG_AVG_POOL2D_WINDOW_ARGS_H
#define AG_AVG_POOL2D_WINDOW_ARGS_H

#include "pool_window.h"
#include "status.h"

static inline ag_status ag_avg_pool2d_window_forward_check(const float *x, const float *y, int n, int c, int h, int w,
                                                           int kernel, int stride, int pad) {
    const char *op = "ag_avg_pool2d_window_forward";
    AG_REQUIRE_PTR(op, x);
    AG_REQUIRE_PTR(op, y);
    return ag_pool_check(op, n, c, h, w, kernel, stride, pad);
}

#endif
