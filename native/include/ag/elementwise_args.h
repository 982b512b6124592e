/* The argument checks of the elementwise ops (fill, copy, axpy, add, scale), shared by the CPU twin
 * (native/cpu/elementwise.cpp) and the CUDA twin (native/cuda/elementwise.cu): each twin begins with
 * its op's check, so both refuse the same calls with the same messages, which name the C API entry
 * point. Each returns AG_OK or the status of ag_fail. */
#ifndef AG_ELEMENTWISE_ARGS_H
#define AG_ELEMENTWISE_ARGS_H

#include <stdint.h>

#include "status.h"

/* True when [a, a+n) and [b, b+n) share some but not all elements. */
static inline int ag_partly_overlap(const float *a, const float *b, int64_t n) {
    const uintptr_t pa = (uintptr_t)a, pb = (uintptr_t)b, bytes = (uintptr_t)n * sizeof(float);
    return pa != pb && pa < pb + bytes && pb < pa + bytes;
}

/* y set, n > 0 */
static inline ag_status ag_elementwise_check(const char *op, const float *y, int64_t n) {
    AG_REQUIRE_PTR(op, y);
    AG_REQUIRE_POSITIVE(op, n);
    return AG_OK;
}

/* y and x set, n > 0, y == x or apart */
static inline ag_status ag_elementwise_pair_check(const char *op, const float *y, const float *x, int64_t n) {
    AG_CHECK(ag_elementwise_check(op, y, n));
    AG_REQUIRE_PTR(op, x);
    AG_REQUIRE(!ag_partly_overlap(y, x, n), "%s: y and x overlap partly (n = %lld)", op, (long long)n);
    return AG_OK;
}

static inline ag_status ag_fill_check(const float *y, int64_t n) { return ag_elementwise_check("ag_fill", y, n); }
                                      
                                      static inline ag_status ag_copy_check(const float *y, const float *x, int64_t n) {
    return ag_elementwise_pair_check("ag_copy", y, x, n);
}

static inline ag_status ag_axpy_check(const float *y, const float *x, int64_t n) {
    return ag_elementwise_pair_check("ag_axpy", y, x, n);
}

static inline ag_status ag_add_check(const float *y, const float *a, const float *b, int64_t n) {
    const char *op = "ag_add";
    AG_CHECK(ag_elementwise_check(op, y, n));
    AG_REQUIRE_PTR(op, a);
    AG_REQUIRE_PTR(op, b);
    AG_REQUIRE(!ag_partly_overlap(y, a, n) && !ag_partly_overlap(y, b, n), "%s: y overlaps a or b partly (n = %lld)",
               op, (long long)n);
    return AG_OK;
}

static inline ag_status ag_scale_check(const float *y, int64_t n) { return ag_elementwise_check("ag_scale", y, n); }
                                       
                                       #endif
                                       