/* Per-element formulas of batch_norm2d and instance_norm2d (instance norm is batch norm over one
 * (n,c) plane with gamma = 1, beta = 0), in PyTorch 1.13's CPU form, shared by the CPU and CUDA
 * twins. The statistics themselves are reductions that each twin does its own way. Every product
 * that feeds a sum is unfused (ag/unfused.h), so both twins round each formula alike. */
#ifndef AG_NORM_MATH_H
#define AG_NORM_MATH_H

#include "ag/philox.h"
#include "ag/unfused.h"

/* 1 / sqrt(var + eps), from a biased variance held in double (training). */
AG_HOST_DEVICE float ag_norm_inv_std(double var, float eps) { return (float)(1.0 / sqrt(var + (double)eps)); }

/* 1 / sqrt(runningVar + eps) in float, as PyTorch's evaluation mode computes it. */
AG_HOST_DEVICE float ag_norm_running_inv_std(float runningVar, float eps) { return 1.0f / sqrtf(runningVar + eps); }

/* y = x * scale + shift with scale = invStd * gamma, shift = beta - mean * scale. */
AG_HOST_DEVICE void ag_norm_affine(float mean, float invStd, float gamma, float beta, float *scale, float *shift) {
    *scale = invStd * gamma;
    *shift = beta - ag_fmul_rn(mean, *scale);
}

/* One normalized element: y = x * scale + shift. */
AG_HOST_DEVICE float ag_norm_apply(float x, float scale, float shift) { return ag_fmul_rn(x, scale) + shift; }

/* The backward constants of one channel of m elements: sumDy = sum(dy), dotp = sum((x - mean) dy).
 * dx = (dy - meanDy - (x - mean) * k) * invStd * gamma with k = dotp * invStd^2 / m. */
typedef struct ag_norm_grad_terms {
    float mean, k, meanDy, invStd, gamma;
} ag_norm_grad_terms;

AG_HOST_DEVICE ag_norm_grad_terms ag_norm_grad_prepare(double sumDy, double dotp, int64_t m, float mean,
                                                       float invStd, float gamma) {
    ag_norm_grad_terms t;
    t.mean = mean;
    t.k = (float)dotp * invStd * invStd / (float)m;
    t.meanDy = (float)(sumDy / (double)m);
    t.invStd = invStd;
    t.gamma = gamma;
    return t;
}

AG_HOST_DEVICE float ag_norm_grad_element(float x, float dy, ag_norm_grad_terms t) {
    return (dy - t.meanDy - ag_fmul_rn(x - t.mean, t.k)) * t.invStd * t.gamma;
}

/* running = (1 - momentum) * running + momentum * stat, in double. */
AG_HOST_DEVICE float ag_norm_running(float running, double stat, float momentum) {
    return (float)(ag_dmul_rn(1.0 - (double)momentum, (double)running) + ag_dmul_rn((double)momentum, stat));
}

#endif
