/* The argument checks of batch_norm2d, shared by the CPU twin (native/cpu/batch_norm2d.cpp) and the
 * CUDA twin (native/cuda/batch_norm2d.cu): each twin begins with its op's check, so both refuse the
 * same calls with the same messages, which name the C API entry point. Each returns AG_OK or the
 * status of ag_fail. */
#ifndef AG_BATCH_NORM2D_ARGS_H
#define AG_BATCH_NORM2D_ARGS_H

#include "status.h"

/* Every pointer of ptrs (names in names) set, and n, c, h, w > 0. */
static inline ag_status ag_batch_norm2d_check(const char *function, const void *const *ptrs, const char *const *names,
                                              int count, int n, int c, int h, int w) {
    for (int i = 0; i < count; ++i) {
        if (ptrs[i] == 0) return ag_fail(AG_ERR_INVALID_ARGUMENT, "%s: %s is NULL", function, names[i]);
    }
    if (!(n > 0 && c > 0 && h > 0 && w > 0)) {
        return ag_fail(AG_ERR_INVALID_ARGUMENT, "%s: shape must be positive, got n=%d c=%d h=%d w=%d", function, n, c,
                       h, w);
    }
    return AG_OK;
}

static inline ag_status ag_batch_norm2d_forward_train_check(const float *x, const float *gamma, const float *beta,
                                                            const float *y, const float *saveMean,
                                                            const float *saveInvStd, const float *runningMean,
                                                            const float *runningVar, int n, int c, int h, int w,
                                                            float eps, float momentum) {
    const char *function = "ag_batch_norm2d_forward_train";
    const void *ptrs[] = {x, gamma, beta, y, saveMean, saveInvStd};
    const char *names[] = {"x", "gamma", "beta", "y", "saveMean", "saveInvStd"};
    ag_status status = ag_batch_norm2d_check(function, ptrs, names, 6, n, c, h, w);
    if (status != AG_OK) return status;
    AG_REQUIRE((runningMean == 0) == (runningVar == 0), "%s: runningMean and runningVar must be both NULL or both set",
               function);
    const int64_t m = (int64_t)n * h * w;
    AG_REQUIRE(m > 1, "%s: training needs more than 1 value per channel, got n*h*w = %lld", function, (long long)m);
    AG_REQUIRE(eps >= 0.0f, "%s: eps = %g must be >= 0", function, (double)eps);
    AG_REQUIRE(momentum >= 0.0f && momentum <= 1.0f, "%s: momentum = %g must be in [0, 1]", function, (double)momentum);
    return AG_OK;
}

static inline ag_status ag_batch_norm2d_forward_eval_check(const float *x, const float *gamma, const float *beta,
                                                           const float *runningMean, const float *runningVar,
                                                           const float *y, int n, int c, int h, int w, float eps) {
    const char *function = "ag_batch_norm2d_forward_eval";
    const void *ptrs[] = {x, gamma, beta, runningMean, runningVar, y};
    const char *names[] = {"x", "gamma", "beta", "runningMean", "runningVar", "y"};
    ag_status status = ag_batch_norm2d_check(function, ptrs, names, 6, n, c, h, w);
    if (status != AG_OK) return status;
    AG_REQUIRE(eps >= 0.0f, "%s: eps = %g must be >= 0", function, (double)eps);
    return AG_OK;
}

static inline ag_status ag_batch_norm2d_backward_check(const float *x, const float *dy, const float *gamma,
                                                       const float *saveMean, const float *saveInvStd, const float *dx,
                                                       const float *gammaGrad, const float *betaGrad, int n, int c,
                                                       int h, int w) {
    const char *function = "ag_batch_norm2d_backward";
    const void *ptrs[] = {x, dy, gamma, saveMean, saveInvStd, dx, gammaGrad, betaGrad};
    const char *names[] = {"x", "dy", "gamma", "saveMean", "saveInvStd", "dx", "gammaGrad", "betaGrad"};
    return ag_batch_norm2d_check(function, ptrs, names, 8, n, c, h, w);
}

#endif
