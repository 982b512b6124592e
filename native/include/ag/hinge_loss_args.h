/* The argument checks of hinge_loss, shared by the CPU twin (native/cpu/hinge_loss.cpp) and the CUDA twin
 * (native/cuda/hinge_loss.cu): each twin begins with its op's check, so both refuse the same calls with the
 * same messages, which name the C API entry point. Each returns AG_OK or the status of ag_fail. */
#ifndef AG_HINGE_LOSS_ARGS_H
#define AG_HINGE_LOSS_ARGS_H

#include "status.h"

/* both operands set, n > 0, a known ag_hinge_kind */
static inline ag_status ag_hinge_loss_check(const char *op, const float *x, const float *out, const char *outName,
                                            int n, int kind) {
    AG_REQUIRE_PTR(op, x);
    AG_REQUIRE(out != 0, "%s: %s is NULL", op, outName);
    AG_REQUIRE(n > 0, "%s: n = %d must be > 0", op, n);
    AG_REQUIRE(kind == AG_HINGE_REAL || kind == AG_HINGE_FAKE || kind == AG_HINGE_GEN, "%s: unknown kind %d", op, kind);
    return AG_OK;
}

static inline ag_status ag_hinge_loss_forward_check(const float *x, const float *loss, int n, int kind) {
    return ag_hinge_loss_check("ag_hinge_loss_forward", x, loss, "loss", n, kind);
}

static inline ag_status ag_hinge_loss_backward_check(const float *x, const float *dx, int n, int kind) {
    return ag_hinge_loss_check("ag_hinge_loss_backward", x, dx, "dx", n, kind);
}

#endif
