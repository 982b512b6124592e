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

// ---- GEMM and linear ---------------------------------------------------------------------

extern "C" ag_status ag_cuda_gemm(int transA, int transB, int m, int n, int k, float alpha, const float *a, int lda,
                                  const float *b, int ldb, float beta, float *c, int ldc) {
    return pending(__func__);
}
extern "C" ag_status ag_cuda_linear_forward(const float *x, const float *weight, const float *bias, float *y, int n,
                                            int in, int out) {
    return pending(__func__);
}
extern "C" ag_status ag_cuda_linear_backward_data(const float *dy, const float *weight, float *dx, int n, int in,
                                                  int out) {
    return pending(__func__);
}
extern "C" ag_status ag_cuda_linear_backward_weight(const float *x, const float *dy, float *weightGrad,
                                                    float *biasGrad, int n, int in, int out) {
    return pending(__func__);
}

// ---- conv2d and conv_transpose2d ---------------------------------------------------------

extern "C" ag_status ag_cuda_conv2d_forward(const float *x, const float *weight, const float *bias, float *y, int n,
                                            int c, int h, int w, int k, int kernel, int pad) {
    return pending(__func__);
}
extern "C" ag_status ag_cuda_conv2d_backward_data(const float *dy, const float *weight, float *dx, int n, int c,
                                                  int h, int w, int k, int kernel, int pad) {
    return pending(__func__);
}
extern "C" ag_status ag_cuda_conv2d_backward_weight(const float *x, const float *dy, float *weightGrad,
                                                    float *biasGrad, int n, int c, int h, int w, int k, int kernel,
                                                    int pad) {
    return pending(__func__);
}
extern "C" ag_status ag_cuda_conv_transpose2d_forward(const float *x, const float *weight, const float *bias,
                                                      float *y, int n, int c, int h, int w, int k) {
    return pending(__func__);
}
extern "C" ag_status ag_cuda_conv_transpose2d_backward_data(const float *dy, const float *weight, float *dx, int n,
                                                            int c, int h, int w, int k) {
    return pending(__func__);
}
extern "C" ag_status ag_cuda_conv_transpose2d_backward_weight(const float *x, const float *dy, float *weightGrad,
                                                              float *biasGrad, int n, int c, int h, int w, int k) {
    return pending(__func__);
}
