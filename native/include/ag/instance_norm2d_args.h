/* The argument checks of instance_norm2d, shared by the CPU twin (native/cpu/instance_norm2d.cpp) and the CUDA twin
 * (native/cuda/instance_norm2d.cu): each twin begins with its op's check, so both refuse the same calls with the
 * same messages, which name the C API entry point. Each returns AG_OK or the status of ag_fail. */
#ifndef AG_INSTANCE_NORM2D_ARGS_H
#define AG_INSTANCE_NORM2D_ARGS_H

#include "status.h"

/* positive shape with more than one value per plane */
static inline ag_status ag_instance_norm2d_shape_check(const char *op, int n, int c, int h, int w) {
    AG_REQUIRE(n > 0 && c > 0 && h > 0 && w > 0, "%s: shape must be positive, got n=%d c=%d h=%d w=%d", op, n, c, h, w);
    AG_REQUIRE((int64_t)h * w > 1, "%s: needs more than 1 spatial element, got h=%d w=%d", op, h, w);
    return AG_OK;
}

static inline ag_status ag_instance_norm2d_forward_check(const float *x, const float *y, const float *saveMean,
                                                         const float *saveInvStd, int n, int c, int h, int w,
                                                         float eps) {
    const char *op = "ag_instance_norm2d_forward";
    AG_REQUIRE_PTR(op, x);
    AG_REQUIRE_PTR(op, y);
    AG_REQUIRE_PTR(op, saveMean);
    AG_REQUIRE_PTR(op, saveInvStd);
    AG_CHECK(ag_instance_norm2d_shape_check(op, n, c, h, w));
    AG_REQUIRE(eps >= 0.0f, "%s: eps = %g must be >= 0", op, (double)eps);
    return AG_OK;
}

static inline ag_status ag_instance_norm2d_backward_check(const float *x, const float *dy, const float *saveMean,
                                                          const float *saveInvStd, const float *dx, int n, int c, int h,
                                                          int w) {
    const char *op = "ag_instance_norm2d_backward";
    AG_REQUIRE_PTR(op, x);
    AG_REQUIRE_PTR(op, dy);
    AG_REQUIRE_PTR(op, saveMean);
    AG_REQUIRE_PTR(op, saveInvStd);
    AG_REQUIRE_PTR(op, dx);
    return ag_instance_norm2d_shape_check(op, n, c, h, w);
}

#endif
