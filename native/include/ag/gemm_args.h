/* The argument checks of gemm, shared by the CPU twin (native/cpu/gemm.cpp) and the CUDA twin
 * (native/cuda/gemm.cu): each twin begins with its op's check, so both refuse the same calls with the
 * same messages, which name the C API entry point. Each returns AG_OK or the status of ag_fail. */
#ifndef AG_GEMM_ARGS_H
#define AG_GEMM_ARGS_H

#include "status.h"

/* m, n > 0, k >= 0, c set (a and b too when k > 0), leading dimensions at least the rows' widths */
static inline ag_status ag_gemm_check(int transA, int transB, int m, int n, int k, const float *a, int lda,
                                      const float *b, int ldb, const float *c, int ldc) {
    const char *op = "ag_gemm";
    AG_REQUIRE_POSITIVE(op, m);
    AG_REQUIRE_POSITIVE(op, n);
    AG_REQUIRE(k >= 0, "%s: k = %d must be >= 0", op, k);
    AG_REQUIRE_PTR(op, c);
    if (k > 0) {
        AG_REQUIRE_PTR(op, a);
        AG_REQUIRE_PTR(op, b);
    }
    const int rowA = transA ? m : k, rowB = transB ? k : n;
    const int widthA = rowA > 1 ? rowA : 1, widthB = rowB > 1 ? rowB : 1;
    AG_REQUIRE(lda >= widthA, "%s: lda = %d must be >= %d", op, lda, widthA);
    AG_REQUIRE(ldb >= widthB, "%s: ldb = %d must be >= %d", op, ldb, widthB);
    AG_REQUIRE(ldc >= n, "%s: ldc = %d must be >= n = %d", op, ldc, n);
    return AG_OK;
}

#endif
