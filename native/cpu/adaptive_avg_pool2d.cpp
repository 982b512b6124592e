// CPU twin of F.adaptive_avg_pool2d(x, 1), InceptionV3's global pool before the 2048-d features
// FID compares: one (n,c) plane per output, summed in double in a fixed order (lane_sum.h), then
// divided by h*w.
#include "ag/adaptive_avg_pool2d_args.h"
#include "ag/backend.h"
#include "ag/status.h"
#include "lane_sum.h"
#include "omp_grain.h"

// x (n,c,h,w) -> y (n,c)
extern "C" ag_status ag_cpu_adaptive_avg_pool2d_forward(const float *x, float *y, int n, int c, int h, int w) {
    AG_CHECK(ag_adaptive_avg_pool2d_forward_check(x, y, n, c, h, w));
    const int64_t planes = (int64_t)n * c, hw = (int64_t)h * w;
#pragma omp parallel for schedule(static) if (planes * hw >= kOmpGrain)
    for (int64_t p = 0; p < planes; ++p) {
        const float *plane = x + p * hw;
        y[p] = (float)(laneSum(hw, [plane](int64_t j) { return (double)plane[j]; }) / (double)hw);
    }
    return AG_OK;
}
