// CPU twin of tanh, forward and backward (the generator's output layer); the backward reads the
// forward's output y: dx = dy * (1 - y^2). In-place use (y = x, dx = dy) is allowed.
#include "ag/backend.h"
#include "ag/status.h"
#include "ag/tanh_args.h"
#include "omp_grain.h"

#include <cmath>

// y (n) = tanh(x)
extern "C" ag_status ag_cpu_tanh_forward(float *y, const float *x, int64_t n) {
    AG_CHECK(ag_tanh_forward_check(y, x, n));
#pragma omp parallel for schedule(static) if (n >= kOmpGrain / 8)
    for (int64_t i = 0; i < n; ++i) y[i] = std::tanh(x[i]);
    return AG_OK;
}

// dy (n), y (n) -> dx (n) = dy * (1 - y * y)
extern "C" ag_status ag_cpu_tanh_backward(float *dx, const float *dy, const float *y, int64_t n) {
    AG_CHECK(ag_tanh_backward_check(dx, dy, y, n));
#pragma omp parallel for simd schedule(static) if (n >= kOmpGrain)
    for (int64_t i = 0; i < n; ++i) dx[i] = dy[i] * (1.0f - y[i] * y[i]);
    return AG_OK;
}
