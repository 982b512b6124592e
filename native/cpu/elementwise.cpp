// CPU twins of the BLAS-1 style elementwise ops (fill, copy, axpy, add, scale): flat loops over n
// floats, split across OpenMP threads in static chunks once n is large enough to pay for it.
#include "ag/backend.h"
#include "ag/elementwise_args.h"
#include "ag/status.h"
#include "omp_grain.h"

#include <cstdint>
#include <cstring>
#include <omp.h>

// y (n) = value
extern "C" ag_status ag_cpu_fill(float *y, int64_t n, float value) {
    AG_CHECK(ag_fill_check(y, n));
#pragma omp parallel for simd schedule(static) if (n >= kOmpGrain)
    for (int64_t i = 0; i < n; ++i) y[i] = value;
    return AG_OK;
}

// y (n) = x (n); y == x is a no-op, a partial overlap is refused
extern "C" ag_status ag_cpu_copy(float *y, const float *x, int64_t n) {
    AG_CHECK(ag_copy_check(y, x, n));
    if (y == x) return AG_OK;
    // one contiguous piece per thread, so that memcpy sees large blocks (and streams them)
    const int64_t pieces = n >= kOmpGrain ? omp_get_max_threads() : 1;
#pragma omp parallel for schedule(static) if (pieces > 1)
    for (int64_t p = 0; p < pieces; ++p) {
        const int64_t begin = n * p / pieces, end = n * (p + 1) / pieces;
        std::memcpy(y + begin, x + begin, (size_t)(end - begin) * sizeof(float));
    }
    return AG_OK;
}

// y (n) += alpha * x (n)
extern "C" ag_status ag_cpu_axpy(float *y, const float *x, int64_t n, float alpha) {
    AG_CHECK(ag_axpy_check(y, x, n));
#pragma omp parallel for simd schedule(static) if (n >= kOmpGrain)
    for (int64_t i = 0; i < n; ++i) y[i] += alpha * x[i];
    return AG_OK;
}

// y (n) = a (n) + b (n); y may alias a or b
extern "C" ag_status ag_cpu_add(float *y, const float *a, const float *b, int64_t n) {
    AG_CHECK(ag_add_check(y, a, b, n));
#pragma omp parallel for simd schedule(static) if (n >= kOmpGrain)
    for (int64_t i = 0; i < n; ++i) y[i] = a[i] + b[i];
    return AG_OK;
}

// y (n) *= alpha
extern "C" ag_status ag_cpu_scale(float *y, int64_t n, float alpha) {
    AG_CHECK(ag_scale_check(y, n));
#pragma omp parallel for simd schedule(static) if (n >= kOmpGrain)
    for (int64_t i = 0; i < n; ++i) y[i] *= alpha;
    return AG_OK;
}
