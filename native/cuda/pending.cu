// The ag_cuda_* entry points whose CUDA twin is not written yet. Each one fails loudly with
// AG_ERR_NO_CUDA and its own name (no silent CPU fallback), so Java reports which op is missing.
// The next stage replaces these one by one: when an op's .cu twin lands, its stub here is deleted.
#include "common.cuh"

namespace {

ag_status pending(const char *function) {
    return ag_fail(AG_ERR_NO_CUDA, "%s: this op has no CUDA twin yet; run on the CPU (-Dautogan4j.device=cpu)",
                   function);
}

}  // namespace

// ---- elementwise and BLAS-1 (elementwise.cu holds fill) -----------------------------------

extern "C" ag_status ag_cuda_axpy(float *y, const float *x, int64_t n, float alpha) { return pending(__func__); }
extern "C" ag_status ag_cuda_add(float *y, const float *a, const float *b, int64_t n) { return pending(__func__); }
extern "C" ag_status ag_cuda_scale(float *y, int64_t n, float alpha) { return pending(__func__); }
extern "C" ag_status ag_cuda_relu_forward(float *y, const float *x, int64_t n) { return pending(__func__); }
extern "C" ag_status ag_cuda_relu_backward(float *dx, const float *dy, const float *y, int64_t n) {
    return pending(__func__);
}
extern "C" ag_status ag_cuda_tanh_forward(float *y, const float *x, int64_t n) { return pending(__func__); }
extern "C" ag_status ag_cuda_tanh_backward(float *dx, const float *dy, const float *y, int64_t n) {
    return pending(__func__);
}

// ---- upsample ----------------------------------------------------------------------------

extern "C" ag_status ag_cuda_upsample_forward(const float *x, float *y, int n, int c, int h, int w, int outH,
                                              int outW, int mode) {
    return pending(__func__);
}
extern "C" ag_status ag_cuda_upsample_backward(const float *dy, float *dx, int n, int c, int h, int w, int outH,
                                               int outW, int mode) {
    return pending(__func__);
}

// ---- batch_norm2d and instance_norm2d ----------------------------------------------------

extern "C" ag_status ag_cuda_batch_norm2d_forward_train(const float *x, const float *gamma, const float *beta,
                                                        float *y, float *saveMean, float *saveInvStd,
                                                        float *runningMean, float *runningVar, int n, int c, int h,
                                                        int w, float eps, float momentum) {
    return pending(__func__);
}
extern "C" ag_status ag_cuda_batch_norm2d_forward_eval(const float *x, const float *gamma, const float *beta,
                                                       const float *runningMean, const float *runningVar, float *y,
                                                       int n, int c, int h, int w, float eps) {
    return pending(__func__);
}
extern "C" ag_status ag_cuda_batch_norm2d_backward(const float *x, const float *dy, const float *gamma,
                                                   const float *saveMean, const float *saveInvStd, float *dx,
                                                   float *gammaGrad, float *betaGrad, int n, int c, int h, int w) {
    return pending(__func__);
}
extern "C" ag_status ag_cuda_instance_norm2d_forward(const float *x, float *y, float *saveMean, float *saveInvStd,
                                                     int n, int c, int h, int w, float eps) {
    return pending(__func__);
}
extern "C" ag_status ag_cuda_instance_norm2d_backward(const float *x, const float *dy, const float *saveMean,
                                                      const float *saveInvStd, float *dx, int n, int c, int h,
                                                      int w) {
    return pending(__func__);
}

// ---- pooling and reductions --------------------------------------------------------------

extern "C" ag_status ag_cuda_avg_pool2d_forward(const float *x, float *y, int n, int c, int h, int w) {
    return pending(__func__);
}
extern "C" ag_status ag_cuda_avg_pool2d_backward(const float *dy, float *dx, int n, int c, int h, int w) {
    return pending(__func__);
}
extern "C" ag_status ag_cuda_sum_hw_forward(const float *x, float *y, int n, int c, int h, int w) {
    return pending(__func__);
}
extern "C" ag_status ag_cuda_sum_hw_backward(const float *dy, float *dx, int n, int c, int h, int w) {
    return pending(__func__);
}

// ---- hinge loss --------------------------------------------------------------------------

extern "C" ag_status ag_cuda_hinge_loss_forward(const float *x, float *loss, int n, int kind) {
    return pending(__func__);
}
extern "C" ag_status ag_cuda_hinge_loss_backward(const float *x, float *dx, int n, int kind) {
    return pending(__func__);
}

// ---- spectral norm -----------------------------------------------------------------------

extern "C" ag_status ag_cuda_spectral_norm_forward(const float *weight, float *u, float *v, float *weightSn,
                                                   float *sigma, int rows, int cols, int update, float eps) {
    return pending(__func__);
}
extern "C" ag_status ag_cuda_spectral_norm_backward(const float *weight, const float *u, const float *v,
                                                    const float *sigma, const float *weightSnGrad,
                                                    float *weightGrad, int rows, int cols) {
    return pending(__func__);
}

// ---- optimizers --------------------------------------------------------------------------

extern "C" ag_status ag_cuda_adam_step(float *param, const float *grad, float *m, float *v, int64_t n, float lr,
                                       float beta1, float beta2, float eps, int step) {
    return pending(__func__);
}
extern "C" ag_status ag_cuda_ema_update(float *avg, const float *x, int64_t n, float decay) {
    return pending(__func__);
}
