/* The argument checks of rng, shared by the CPU twin (native/cpu/rng.cpp) and the CUDA twin
 * (native/cuda/rng.cu): each twin begins with its op's check, so both refuse the same calls with the
 * same messages, which name the C API entry point. Each returns AG_OK or the status of ag_fail. */
#ifndef AG_RNG_ARGS_H
#define AG_RNG_ARGS_H

#include <math.h>

#include "status.h"

static inline ag_status ag_rng_uniform_check(const float *y, int64_t n, float low, float high) {
    const char *op = "ag_rng_uniform";
    AG_REQUIRE_PTR(op, y);
    AG_REQUIRE_POSITIVE(op, n);
    AG_REQUIRE(isfinite(low) && isfinite(high) && low <= high, "%s: need finite low <= high, got [%g, %g)", op,
               (double)low, (double)high);
    return AG_OK;
}

static inline ag_status ag_rng_normal_check(const float *y, int64_t n, float mean, float std) {
    const char *op = "ag_rng_normal";
    AG_REQUIRE_PTR(op, y);
    AG_REQUIRE_POSITIVE(op, n);
    AG_REQUIRE(isfinite(mean) && isfinite(std) && std >= 0.0f, "%s: need finite mean and std >= 0, got mean %g, std %g",
               op, (double)mean, (double)std);
    return AG_OK;
}

#endif
