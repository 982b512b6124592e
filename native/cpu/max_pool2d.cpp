// CPU twin of F.max_pool2d in floor mode (InceptionV3's 3x3 stride-2 reductions, for IS and FID):
// one OpenMP iteration per output row, each output the max of its window (pool_window.h).
#include "ag/backend.h"
#include "ag/max_pool2d_args.h"
#include "ag/pool_window.h"
#include "omp_grain.h"

// x (n,c,h,w) -> y (n,c,p,q)
extern "C" ag_status ag_cpu_max_pool2d_forward(const float *x, float *y, int n, int c, int h, int w, int kernel,
                                               int stride, int pad) {
    AG_CHECK(ag_max_pool2d_forward_check(x, y, n, c, h, w, kernel, stride, pad));
    const int p = ag_pool_out_size(h, kernel, stride, pad), q = ag_pool_out_size(w, kernel, stride, pad);
    const int64_t rows = (int64_t)n * c * p;
#pragma omp parallel for schedule(static) if (rows * q * kernel * kernel >= kOmpGrain)
    for (int64_t r = 0; r < rows; ++r) {
        const int64_t plane = r / p;
        const int i = (int)(r - plane * p);
        const float *xPlane = x + plane * h * w;
        for (int j = 0; j < q; ++j) y[r * q + j] = ag_pool_window_max(xPlane, h, w, i, j, kernel, stride, pad);
    }
    return AG_OK;
}
