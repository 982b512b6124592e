// CPU twin of InstanceNorm2d (no affine, no running statistics): batch norm's math over each (n,c)
// plane alone with gamma = 1, beta = 0 (ag/norm_math.h), statistics in double (channel_stats.h).
// One plane per task, so the reductions keep a fixed order for any thread count.
#include "ag/backend.h"
#include "ag/instance_norm2d_args.h"
#include "ag/norm_math.h"
#include "ag/status.h"
#include "channel_stats.h"
#include "omp_grain.h"

// x (n,c,h,w) -> y (n,c,h,w), saveMean (n,c), saveInvStd (n,c)
extern "C" ag_status ag_cpu_instance_norm2d_forward(const float *x, float *y, float *saveMean, float *saveInvStd,
                                                    int n, int c, int h, int w, float eps) {
    AG_CHECK(ag_instance_norm2d_forward_check(x, y, saveMean, saveInvStd, n, c, h, w, eps));
    const int64_t planes = (int64_t)n * c, hw = (int64_t)h * w;
#pragma omp parallel for schedule(static) if (planes * hw >= kOmpGrain)
    for (int64_t p = 0; p < planes; ++p) {
        const float *xPlane = x + p * hw;
        float *yPlane = y + p * hw;
        double mean, var;
        channelMeanVar(xPlane, 1, hw, hw, &mean, &var);
        saveMean[p] = (float)mean;
        saveInvStd[p] = ag_norm_inv_std(var, eps);
        float scale, shift;
        ag_norm_affine(saveMean[p], saveInvStd[p], 1.0f, 0.0f, &scale, &shift);
#pragma omp simd
        for (int64_t j = 0; j < hw; ++j) yPlane[j] = ag_norm_apply(xPlane[j], scale, shift);
    }
    return AG_OK;
}

// x, dy (n,c,h,w), saveMean, saveInvStd (n,c) -> dx (n,c,h,w)
extern "C" ag_status ag_cpu_instance_norm2d_backward(const float *x, const float *dy, const float *saveMean,
                                                     const float *saveInvStd, float *dx, int n, int c, int h, int w) {
    AG_CHECK(ag_instance_norm2d_backward_check(x, dy, saveMean, saveInvStd, dx, n, c, h, w));
    const int64_t planes = (int64_t)n * c, hw = (int64_t)h * w;
#pragma omp parallel for schedule(static) if (planes * hw >= kOmpGrain)
    for (int64_t p = 0; p < planes; ++p) {
        const float *xPlane = x + p * hw, *dyPlane = dy + p * hw;
        float *dxPlane = dx + p * hw;
        double sumDy, dotp;
        channelGradSums(xPlane, dyPlane, 1, hw, hw, saveMean[p], &sumDy, &dotp);
        const ag_norm_grad_terms terms = ag_norm_grad_prepare(sumDy, dotp, hw, saveMean[p], saveInvStd[p], 1.0f);
#pragma omp simd
        for (int64_t j = 0; j < hw; ++j) dxPlane[j] = ag_norm_grad_element(xPlane[j], dyPlane[j], terms);
    }
    return AG_OK;
}
