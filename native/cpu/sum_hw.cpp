// CPU twin of the discriminator head's sum over H and W: one (n,c) plane per output, summed in
// double in a fixed order (lane_sum.h); the backward broadcasts dy over the plane.
#include "ag/backend.h"
#include "ag/status.h"
#include "ag/sum_hw_args.h"
#include "lane_sum.h"
#include "omp_grain.h"

// x (n,c,h,w) -> y (n,c)
extern "C" ag_status ag_cpu_sum_hw_forward(const float *x, float *y, int n, int c, int h, int w) {
    AG_CHECK(ag_sum_hw_forward_check(x, y, n, c, h, w));
    const int64_t planes = (int64_t)n * c, hw = (int64_t)h * w;
#pragma omp parallel for schedule(static) if (planes * hw >= kOmpGrain)
    for (int64_t p = 0; p < planes; ++p) {
        const float *plane = x + p * hw;
        y[p] = (float)laneSum(hw, [plane](int64_t j) { return (double)plane[j]; });
    }
    return AG_OK;
}

// dy (n,c) -> dx (n,c,h,w)
extern "C" ag_status ag_cpu_sum_hw_backward(const float *dy, float *dx, int n, int c, int h, int w) {
    AG_CHECK(ag_sum_hw_backward_check(dy, dx, n, c, h, w));
    const int64_t planes = (int64_t)n * c, hw = (int64_t)h * w;
#pragma omp parallel for schedule(static) if (planes * hw >= kOmpGrain)
    for (int64_t p = 0; p < planes; ++p) {
        const float g = dy[p];
        float *plane = dx + p * hw;
#pragma omp simd
        for (int64_t j = 0; j < hw; ++j) plane[j] = g;
    }
    return AG_OK;
}
