/* The argument checks of ema, shared by the CPU twin (native/cpu/ema.cpp) and the CUDA twin
 * (native/cuda/ema.cu): each twin begins with its op's check, so both refuse the same calls with the
 * same messages, which name the C API entry point. Each returns AG_OK or the status of ag_fail. */
#ifndef AG_EMA_ARGS_H
#define AG_EMA_ARGS_H

#include "status.h"

static inline ag_status ag_ema_update_check(const float *avg, const float *x, int64_t n, float decay) {
    const char *op = "ag_ema_update";
    AG_REQUIRE_PTR(op, avg);
    AG_REQUIRE_PTR(op, x);
    AG_REQUIRE_POSITIVE(op, n);
    AG_REQUIRE(decay >= 0.0f && decay <= 1.0f, "%s: decay = %g must be in [0, 1]", op, (double)decay);
    return AG_OK;
}

#endif
