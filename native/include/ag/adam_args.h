/* The argument checks of adam, shared by the CPU twin (native/cpu/adam.cpp) and the CUDA twin
 * (native/cuda/adam.cu): each twin begins with its op's check, so both refuse the same calls with the
 * same messages, which name the C API entry point. Each returns AG_OK or the status of ag_fail. */
#ifndef AG_ADAM_ARGS_H
#define AG_ADAM_ARGS_H

#include "status.h"

static inline ag_status ag_adam_step_check(const float *param, const float *grad, const float *m, const float *v,
                                           int64_t n, float lr, float beta1, float beta2, float eps, int step) {
    const char *op = "ag_adam_step";
    AG_REQUIRE_PTR(op, param);
    AG_REQUIRE_PTR(op, grad);
    AG_REQUIRE_PTR(op, m);
    AG_REQUIRE_PTR(op, v);
    AG_REQUIRE_POSITIVE(op, n);
    AG_REQUIRE_POSITIVE(op, step);
    AG_REQUIRE(lr >= 0.0f, "%s: lr = %g must be >= 0", op, (double)lr);
    AG_REQUIRE(beta1 >= 0.0f && beta1 < 1.0f, "%s: beta1 = %g must be in [0, 1)", op, (double)beta1);
    AG_REQUIRE(beta2 >= 0.0f && beta2 < 1.0f, "%s: beta2 = %g must be in [0, 1)", op, (double)beta2);
    AG_REQUIRE(eps >= 0.0f, "%s: eps = %g must be >= 0", op, (double)eps);
    return AG_OK;
}

#endif
