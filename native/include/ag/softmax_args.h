/* The argument checks of softmax, shared by the CPU twin (native/cpu/softmax.cpp) and the CUDA twin
 * (native/cuda/softmax.cu): each twin begins with its op's check, so both refuse the same calls with the
 * same messages, which name the C API entry point. Each returns AG_OK or the status of ag_fail. */
#ifndef AG_SOFTMAX_ARGS_H
#define AG_SOFTMAX_ARGS_H

#include "status.h"

static inline ag_status ag_softmax_forward_check(const float *x, const float *y, int rows, int cols) {
    const char *op = "ag_softmax_forward";
    AG_REQUIRE_PTR(op, x);
    AG_REQUIRE_PTR(op, y);
    AG_REQUIRE_POSITIVE(op, rows);
    AG_REQUIRE_POSITIVE(op, cols);
    return AG_OK;
}

#endif
