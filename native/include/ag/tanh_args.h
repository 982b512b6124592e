/* The argument checks of tanh, shared by the CPU twin (native/cpu/tanh.cpp) and the CUDA twin
 * (native/cuda/tanh.cu): each twin begins with its op's check, so both refuse the same calls with the
 * same messages, which name the C API entry point. Each returns AG_OK or the status of ag_fail. */
#ifndef AG_TANH_ARGS_H
#define AG_TANH_ARGS_H

#include "activation_args.h"

static inline ag_status ag_tanh_forward_check(const float *y, const float *x, int64_t n) {
    return ag_activation_forward_check("ag_tanh_forward", y, x, n);
}

static inline ag_status ag_tanh_backward_check(const float *dx, const float *dy, const float *y, int64_t n) {
    return ag_activation_backward_check("ag_tanh_backward", dx, dy, y, n);
}

#endif
