// CPU twin of BatchNorm2d (affine, eps, momentum, unbiased running variance): statistics over
// (n,h,w) per channel in double (channel_stats.h), the normalization in PyTorch 1.13's CPU form
// (ag/norm_math.h). One channel per task, so the reductions keep a fixed order for any thread count.
#include "ag/backend.h"
#include "ag/batch_norm2d_args.h"
#include "ag/norm_math.h"
#include "ag/status.h"
#include "channel_stats.h"
#include "omp_grain.h"

namespace {

// y = x * scale + shift over channel `channel` of x (n,c,h,w).
void applyAffine(const float *x, float *y, int n, int c, int64_t hw, int channel, float scale, float shift) {
    for (int i = 0; i < n; ++i) {
        const int64_t base = ((int64_t)i * c + channel) * hw;
#pragma omp simd
        for (int64_t j = 0; j < hw; ++j) y[base + j] = ag_norm_apply(x[base + j], scale, shift);
    }
}
} // namespace

// x (n,c,h,w), gamma (c), beta (c) -> y (n,c,h,w), saveMean (c), saveInvStd (c);
// runningMean, runningVar (c) updated when set
extern "C" ag_status ag_cpu_batch_norm2d_forward_train(const float *x, const float *gamma, const float *beta,
                                                       float *y, float *saveMean, float *saveInvStd,
                                                       float *runningMean, float *runningVar, int n, int c, int h,
                                                       int w, float eps, float momentum) {
    AG_CHECK(ag_batch_norm2d_forward_train_check(x, gamma, beta, y, saveMean, saveInvStd, runningMean, runningVar, n,
                                                 c, h, w, eps, momentum));
    const int64_t hw = (int64_t)h * w, m = (int64_t)n * hw;
#pragma omp parallel for schedule(static) if ((int64_t)c * m >= kOmpGrain)
    for (int ch = 0; ch < c; ++ch) {
        double mean, var;
        channelMeanVar(x + ch * hw, n, (int64_t)c * hw, hw, &mean, &var);
        saveMean[ch] = (float)mean;
        saveInvStd[ch] = ag_norm_inv_std(var, eps);
        if (runningMean != nullptr) {
            runningMean[ch] = ag_norm_running(runningMean[ch], mean, momentum);
            runningVar[ch] = ag_norm_running(runningVar[ch], var * (double)m / (double)(m - 1), momentum);
        }
        float scale, shift;
        ag_norm_affine(saveMean[ch], saveInvStd[ch], gamma[ch], beta[ch], &scale, &shift);
        applyAffine(x, y, n, c, hw, ch, scale, shift);
    }
    return AG_OK;
}

// x (n,c,h,w), gamma, beta, runningMean, runningVar (c) -> y (n,c,h,w)
extern "C" ag_status ag_cpu_batch_norm2d_forward_eval(const float *x, const float *gamma, const float *beta,
                                                      const float *runningMean, const float *runningVar, float *y,
                                                      int n, int c, int h, int w, float eps) {
    AG_CHECK(ag_batch_norm2d_forward_eval_check(x, gamma, beta, runningMean, runningVar, y, n, c, h, w, eps));
    const int64_t hw = (int64_t)h * w;
#pragma omp parallel for schedule(static) if ((int64_t)c * n * hw >= kOmpGrain)
    for (int ch = 0; ch < c; ++ch) {
        float scale, shift;
        ag_norm_affine(runningMean[ch], ag_norm_running_inv_std(runningVar[ch], eps), gamma[ch], beta[ch], &scale,
                       &shift);
        applyAffine(x, y, n, c, hw, ch, scale, shift);
    }
    return AG_OK;
}

// x, dy (n,c,h,w), gamma, saveMean, saveInvStd (c) -> dx (n,c,h,w), gammaGrad (c) +=, betaGrad (c) +=
extern "C" ag_status ag_cpu_batch_norm2d_backward(const float *x, const float *dy, const float *gamma,
                                                  const float *saveMean, const float *saveInvStd, float *dx,
                                                  float *gammaGrad, float *betaGrad, int n, int c, int h, int w) {
    AG_CHECK(ag_batch_norm2d_backward_check(x, dy, gamma, saveMean, saveInvStd, dx, gammaGrad, betaGrad, n, c, h, w));
    const int64_t hw = (int64_t)h * w, m = (int64_t)n * hw;
#pragma omp parallel for schedule(static) if ((int64_t)c * m >= kOmpGrain)
    for (int ch = 0; ch < c; ++ch) {
        double sumDy, dotp;
        channelGradSums(x + ch * hw, dy + ch * hw, n, (int64_t)c * hw, hw, saveMean[ch], &sumDy, &dotp);
        gammaGrad[ch] += (float)(dotp * (double)saveInvStd[ch]);
        betaGrad[ch] += (float)sumDy;
        const ag_norm_grad_terms terms = ag_norm_grad_prepare(sumDy, dotp, m, saveMean[ch], saveInvStd[ch], gamma[ch]);
        for (int i = 0; i < n; ++i) {
            const int64_t base = ((int64_t)i * c + ch) * hw;
#pragma omp simd
            for (int64_t j = 0; j < hw; ++j) dx[base + j] = ag_norm_grad_element(x[base + j], dy[base + j], terms);
        }
    }
    return AG_OK;
}
