// CPU twin of F.avg_pool2d in floor mode with any kernel, stride and pad, with or without
// count_include_pad (InceptionV3's 3x3 stride-1 pad-1 branch pools, for IS and FID): one OpenMP
// iteration per output row, each output the mean of its window (pool_window.h).
#include "ag/avg_pool2d_window_args.h"
#include "ag/backend.h"
#include "ag/pool_window.h"
#include "omp_grain.h"

// x (n,c,h,w) -> y (n,c,p,q)
extern "C" ag_status ag_cpu_avg_pool2d_window_forward(const float *x, float *y, int n, int c, int h, int w,
                                                      int kernel, int stride, int pad, int countIncludePad) {
    AG_CHECK(ag_avg_pool2d_window_forward_check(x, y, n, c, h, w, kernel, stride, pad));
    const int p = ag_pool_out_size(h, kernel, stride, pad), q = ag_pool_out_size(w, kernel, stride, pad);
    const int64_t rows = (int64_t)n * c * p;
#pragma omp parallel for schedule(static) if (rows * q * kernel * kernel >= kOmpGrain)
    for (int64_t r = 0; r < rows; ++r) {
        const int64_t plane = r / p;
        const int i = (int)(r - plane * p);
        const float *xPlane = x + plane * h * w;
        for (int j = 0; j < q; ++j)
            y[r * q + j] = ag_pool_window_mean(xPlane, h, w, i, j, kernel, stride, pad, countIncludePad);
    }
    return AG_OK;
}
