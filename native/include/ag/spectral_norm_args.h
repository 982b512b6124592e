/* The argument checks of spectral_norm, shared by the CPU twin (native/cpu/spectral_norm.cpp) and the CUDA twin
 * (native/cuda/spectral_norm.cu): each twin begins with its op's check, so both refuse the same calls with the
 * same messages, which name the C API entry point. Each returns AG_OK or the status of ag_fail. */
#ifndef AG_SPECTRAL_NORM_ARGS_H
#define AG_SPECTRAL_NORM_ARGS_H

#include "status.h"

static inline ag_status ag_spectral_norm_forward_check(const float *weight, const float *u, const float *v,
                                                       const float *weightSn, const float *sigma, int rows, int cols,
                                                       float eps) {
    const char *op = "ag_spectral_norm_forward";
    AG_REQUIRE_PTR(op, weight);
    AG_REQUIRE_PTR(op, u);
    AG_REQUIRE_PTR(op, v);
    AG_REQUIRE_PTR(op, weightSn);
    AG_REQUIRE_PTR(op, sigma);
    AG_REQUIRE_POSITIVE(op, rows);
    AG_REQUIRE_POSITIVE(op, cols);
    AG_REQUIRE(eps >= 0.0f, "%s: eps = %g must be >= 0", op, (double)eps);
    return AG_OK;
}

static inline ag_status ag_spectral_norm_backward_check(const float *weight, const float *u, const float *v,
                                                        const float *sigma, const float *weightSnGrad,
                                                        const float *weightGrad, int rows, int cols) {
    const char *op = "ag_spectral_norm_backward";
    AG_REQUIRE_PTR(op, weight);
    AG_REQUIRE_PTR(op, u);
    AG_REQUIRE_PTR(op, v);
    AG_REQUIRE_PTR(op, sigma);
    AG_REQUIRE_PTR(op, weightSnGrad);
    AG_REQUIRE_PTR(op, weightGrad);
    AG_REQUIRE_POSITIVE(op, rows);
    AG_REQUIRE_POSITIVE(op, cols);
    return AG_OK;
}

#endif
