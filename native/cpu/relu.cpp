// CPU twin of ReLU, forward and backward; the backward reads the forward's output y (y > 0 exactly
// where x > 0), so callers keep y rather than x. In-place use (y = x, dx = dy) is allowed.
#include "ag/backend.h"
#include "ag/relu_args.h"
#include "ag/status.h"
#include "omp_grain.h"

// y (n) = max(x, 0), NaN kept as PyTorch does
extern "C" ag_status ag_cpu_relu_forward(float *y, const float *x, int64_t n) {
    AG_CHECK(ag_relu_forward_check(y, x, n));
#pragma omp parallel for simd schedule(static) if (n >= kOmpGrain)
    for (int64_t i = 0; i < n; ++i) y[i] = x[i] < 0.0f ? 0.0f : x[i];
    return AG_OK;
}

// dy (n), y (n) -> dx (n) = y > 0 ? dy : 0
extern "C" ag_status ag_cpu_relu_backward(float *dx, const float *dy, const float *y, int64_t n) {
    AG_CHECK(ag_relu_backward_check(dx, dy, y, n));
#pragma omp parallel for simd schedule(static) if (n >= kOmpGrain)
    for (int64_t i = 0; i < n; ++i) {
        const float g = dy[i];
        dx[i] = y[i] <= 0.0f ? 0.0f : g;
    }
    return AG_OK;
}
