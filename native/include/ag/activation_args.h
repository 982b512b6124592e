/* The argument checks that relu and tanh share (ag/relu_args.h, ag/tanh_args.h): an elementwise
 * activation's forward y = f(x) and its backward dx = dy * f'(from y), named for the op. */
#ifndef AG_ACTIVATION_ARGS_H
#define AG_ACTIVATION_ARGS_H

#include "status.h"

static inline ag_status ag_activation_forward_check(const char *op, const float *y, const float *x, int64_t n) {
    AG_REQUIRE_PTR(op, y);
    AG_REQUIRE_PTR(op, x);
    AG_REQUIRE_POSITIVE(op, n);
    return AG_OK;
}

static inline ag_status ag_activation_backward_check(const char *op, const float *dx, const float *dy,
                                                     const float *y, int64_t n) {
    AG_REQUIRE_PTR(op, dx);
    AG_REQUIRE_PTR(op, dy);
    AG_REQUIRE_PTR(op, y);
    AG_REQUIRE_POSITIVE(op, n);
    return AG_OK;
}

#endif
