/* The argument checks of linear, shared by the CPU twin (native/cpu/linear.cpp) and the CUDA twin
 * (native/cuda/linear.cu): each twin begins with its op's check, so both refuse the same calls with the
 * same messages, which name the C API entry point. Each returns AG_OK or the status of ag_fail. */
#ifndef AG_LINEAR_ARGS_H
#define AG_LINEAR_ARGS_H

#include "status.h"

/* the three operands set (bias and biasGrad are optional, not checked), n, in, out > 0 */
static inline ag_status ag_linear_check(const char *op, const float *first, const char *firstName, const float *second,
                                        const char *secondName, const float *out, const char *outName, int n, int in,
                                        int outFeatures) {
    AG_REQUIRE(first != 0, "%s: %s is NULL", op, firstName);
    AG_REQUIRE(second != 0, "%s: %s is NULL", op, secondName);
    AG_REQUIRE(out != 0, "%s: %s is NULL", op, outName);
    AG_REQUIRE(n > 0 && in > 0 && outFeatures > 0, "%s: shape must be positive, got n=%d in=%d out=%d", op, n, in,
               outFeatures);
    return AG_OK;
}

static inline ag_status ag_linear_forward_check(const float *x, const float *weight, const float *y, int n, int in,
                                                int out) {
    return ag_linear_check("ag_linear_forward", x, "x", weight, "weight", y, "y", n, in, out);
}

static inline ag_status ag_linear_backward_data_check(const float *dy, const float *weight, const float *dx, int n,
                                                      int in, int out) {
    return ag_linear_check("ag_linear_backward_data", dy, "dy", weight, "weight", dx, "dx", n, in, out);
}

static inline ag_status ag_linear_backward_weight_check(const float *x, const float *dy, const float *weightGrad, int n,
                                                        int in, int out) {
    return ag_linear_check("ag_linear_backward_weight", x, "x", dy, "dy", weightGrad, "weightGrad", n, in, out);
}

#endif
