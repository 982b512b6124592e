/* The per-element updates of ag_*_adam_step and ag_*_ema_update, shared by the CPU and CUDA twins.
 * The step's scalars are prepared once per call in double, as PyTorch 1.13's Adam does in Python,
 * then rounded to float; the per-element arithmetic follows torch's operation order in float, every
 * product that feeds a sum unfused (ag/unfused.h) so that both twins round alike. */
#ifndef AG_OPTIM_MATH_H
#define AG_OPTIM_MATH_H

#include "ag/philox.h"
#include "ag/unfused.h"

/* One Adam step's constants (PyTorch Adam, no weight decay, not amsgrad). */
typedef struct ag_adam_scalars {
    float beta1, oneMinusBeta1;
    float beta2, oneMinusBeta2;
    float bias2Sqrt;   /* sqrt(1 - beta2^step) */
    float negStepSize; /* -lr / (1 - beta1^step) */
    float eps;
} ag_adam_scalars;

AG_HOST_DEVICE ag_adam_scalars ag_adam_prepare(float lr, float beta1, float beta2, float eps, int step) {
    double bias1 = 1.0 - pow((double)beta1, (double)step);
    double bias2 = 1.0 - pow((double)beta2, (double)step);
    ag_adam_scalars s;
    s.beta1 = beta1;
    s.oneMinusBeta1 = (float)(1.0 - (double)beta1);
    s.beta2 = beta2;
    s.oneMinusBeta2 = (float)(1.0 - (double)beta2);
    s.bias2Sqrt = (float)sqrt(bias2);
    s.negStepSize = (float)(-((double)lr / bias1));
    s.eps = eps;
    return s;
}

/* m = b1 m + (1-b1) g; v = b2 v + (1-b2) g g; param += -stepSize * m / (sqrt(v) / bias2Sqrt + eps). */
AG_HOST_DEVICE void ag_adam_element(float *param, float *m, float *v, float grad, ag_adam_scalars s) {
    float mNew = ag_fmul_rn(*m, s.beta1) + ag_fmul_rn(s.oneMinusBeta1, grad);
    float vNew = ag_fmul_rn(*v, s.beta2) + ag_fmul_rn(s.oneMinusBeta2 * grad, grad);
    float denom = sqrtf(vNew) / s.bias2Sqrt + s.eps;
    *m = mNew;
    *v = vNew;
    *param = *param + s.negStepSize * mNew / denom;
}

/* avg = decay * avg + (1 - decay) * x */
AG_HOST_DEVICE float ag_ema_element(float avg, float x, float decay, float oneMinusDecay) {
    return ag_fmul_rn(avg, decay) + ag_fmul_rn(oneMinusDecay, x);
}

#endif
