/* The argument checks of tanh, shared by the CPU twin (native/cpu/tanh.cpp) and the CUDA twin
 * (native/cuda/tanh.cu): each twin begins with its op's check, so both refuse the same calls with the
 * same messages, which name the C API entry point. Each returns AG_OK or the status of ag_fail. */
#ifndef AG_TANH_ARGS_H
#define AG_TANH_ARGS_H

#include "status.h"

static inline ag_status ag_tanh_forward_check(const float *y, const float *x, int64_t n) {
    const char *op = "ag_tanh_forward";
    AG_REQUIRE_PTR(op, y);
    AG_REQUIRE_PTR(op, x);
    AG_REQUIRE_POSITIVE(op, n);
    return AG_OK;
}

static inline ag_status ag_tanh_backward_check(const float *dx, const float *dy, const float *y, int64_t n) {
    const char *op = "ag_tanh_backward";
    AG_REQUIRE_PTR(op, dx);
    AG_REQUIRE_PTR(op, dy);
    AG_REQUIRE_PTR(op, y);
    AG_REQUIRE_POSITIVE(op, n);
    return AG_OK;
}

#endif
