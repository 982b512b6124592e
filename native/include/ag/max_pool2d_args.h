/* The argument checks of max_pool2d, shared by the CPU twin (native/cpu/max_pool2d.cpp) and the CUDA twin
 * (native/cuda/max_pool2d.cu): each twin begins with its op's check, so both refuse the same calls with the
 * same messages, which name the C API entry point. Each returns AG_OK or the status of ag_fail. */
#ifndef AG_MAX_POOL2D_ARGS_H
#define AG_MAX_POOL2D_ARGS_H

#include "pool_window.h"
#include "status.h"

static inline ag_status ag_max_pool2d_forward_check(const float *x, const float *y, int n, int c, int h, int w,
                                                    int kernel, int stride, int pad) {
    const char *op = "ag_max_pool2d_forward";
    AG_REQUIRE_PTR(op, x);
    AG_REQUIRE_PTR(op, y);
    return ag_pool_check(op, n, c, h, w, kernel, stride, pad);
}

#endif
