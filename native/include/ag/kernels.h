/* The autogan4j C API: every kernel the GAN needs, as ag_cpu_* / ag_cuda_* twins with identical
 * parameters. This header is the contract between the C++ CPU twins, the CUDA twins and the Java
 * bindings (org.autogan4j.nativeapi); it names no CUDA type so that plain C++ can include it.
 *
 * Conventions, stated once:
 * - Every function returns an ag_status. On anything but AG_OK, ag_last_error() holds a message
 *   (thread-local) that names the function and the problem. Nothing here calls exit() or throws.
 * - Tensors are dense float32, row-major NCHW. All pointers of one call live on the call's device
 *   (host memory for ag_cpu_*, device memory for ag_cuda_*), except where a comment says "host".
 * - Shapes are passed as plain ints (n, c, h, w, ...); element counts as int64_t.
 * - GRADIENT POLICY: parameter gradients (weightGrad, biasGrad, gammaGrad, betaGrad) ACCUMULATE
 *   (+=); input gradients (dx) OVERWRITE (=).
 * - Optional pointers (bias, biasGrad, runningMean/runningVar) may be NULL where marked.
 * - Results are deterministic: fixed reduction order, independent of the number of threads.
 * - CUDA calls are asynchronous on the library's one stream; ag_cuda_synchronize waits for them.
 *   A CUDA op that is not available answers AG_ERR_NO_CUDA with the op's name.
 */
#ifndef AG_KERNELS_H
#define AG_KERNELS_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum ag_status {
    AG_OK = 0,
    AG_ERR_INVALID_ARGUMENT = 1, /* a shape, size or pointer the kernel cannot accept */
    AG_ERR_OUT_OF_MEMORY = 2,    /* an allocation failed; the message names the bytes */
    AG_ERR_NO_CUDA = 3,          /* no CUDA driver/GPU, or this op has no CUDA twin yet */
    AG_ERR_CUDA = 4,             /* a CUDA runtime error; the message holds cudaGetErrorString */
    AG_ERR_INTERNAL = 5          /* a bug: please report it with the message */
} ag_status;

/* Upsampling modes; the integer codes match the architecture's U token (0 bilinear, 1 nearest). */
typedef enum ag_upsample_mode {
    AG_UPSAMPLE_BILINEAR = 0, /* align_corners = False, PyTorch's default */
    AG_UPSAMPLE_NEAREST = 1   /* PyTorch's 'nearest': src = floor(dst * in / out) */
} ag_upsample_mode;

/* The three hinge-loss pieces (spec 3): each is a mean over n scores. */
typedef enum ag_hinge_kind {
    AG_HINGE_REAL = 0, /* mean(relu(1 - x)): D on real images */
    AG_HINGE_FAKE = 1, /* mean(relu(1 + x)): D on generated images */
    AG_HINGE_GEN = 2   /* -mean(x): the generator's loss */
} ag_hinge_kind;

/* ---- library-wide ---------------------------------------------------------------------- */

/* The message of the last failed call on this thread ("" if none). Valid until the next call. */
const char *ag_last_error(void);
/* API version, bumped whenever a signature changes. */
int ag_version(void);
/* Number of OpenMP threads the CPU twins use when called from this thread (n >= 1); the default
 * is OMP_NUM_THREADS, else every core. Results do not depend on it. */
ag_status ag_set_cpu_threads(int n);
ag_status ag_get_cpu_threads(int *n /* host */);

/* ---- CUDA device (no CPU twin: these ask about the GPU itself) -------------------------- */

/* Number of usable GPUs; 0 (and AG_OK) when there is no driver or no device. */
ag_status ag_cuda_device_count(int *count /* host */);
/* Selects the device and creates the library's stream. Must precede every other ag_cuda_* call. */
ag_status ag_cuda_init(int device);
/* Name and compute capability of the selected device; name is a host buffer of nameCapacity bytes. */
ag_status ag_cuda_device_info(char *name /* host */, int nameCapacity, int *major /* host */,
                              int *minor /* host */);
/* Free and total device memory in bytes. */
ag_status ag_cuda_mem_info(int64_t *freeBytes /* host */, int64_t *totalBytes /* host */);
/* TF32 tensor cores for gemm, linear and the convolutions: enabled != 0 (the default, as PyTorch
 * does for cuDNN convolutions: 10-bit mantissa operands, FP32 accumulation) or 0 for strict FP32
 * (parity tests). Process-wide; applies to the calls queued after it; needs no ag_cuda_init. */
ag_status ag_cuda_set_tf32(int enabled);

/* ---- memory and copies ------------------------------------------------------------------ */

/* *address = a new block of bytes (CPU: 64-byte aligned; CUDA: from the caching allocator). */
ag_status ag_cpu_alloc(int64_t bytes, int64_t *address /* host */);
ag_status ag_cuda_alloc(int64_t bytes, int64_t *address /* host */);
ag_status ag_cpu_free(int64_t address);
ag_status ag_cuda_free(int64_t address);
/* host (n) -> device dst (n); host is any host memory (a Java float[] through JNI). */
ag_status ag_cpu_upload(float *dst, const float *host, int64_t n);
ag_status ag_cuda_upload(float *dst, const float *host, int64_t n);
/* device src (n) -> host (n); the CUDA twin synchronizes the stream first. */
ag_status ag_cpu_download(float *host, const float *src, int64_t n);
ag_status ag_cuda_download(float *host, const float *src, int64_t n);
/* Waits until every queued kernel has finished (a no-op on the CPU). */
ag_status ag_cpu_synchronize(void);
ag_status ag_cuda_synchronize(void);

/* ---- elementwise and BLAS-1 ------------------------------------------------------------- */

/* y (n) = value */
ag_status ag_cpu_fill(float *y, int64_t n, float value);
ag_status ag_cuda_fill(float *y, int64_t n, float value);
/* y (n) = x (n) */
ag_status ag_cpu_copy(float *y, const float *x, int64_t n);
ag_status ag_cuda_copy(float *y, const float *x, int64_t n);
/* y (n) += alpha * x (n)  (scaled add: shortcuts, skip fan-in, gradient fan-out) */
ag_status ag_cpu_axpy(float *y, const float *x, int64_t n, float alpha);
ag_status ag_cuda_axpy(float *y, const float *x, int64_t n, float alpha);
/* y (n) = a (n) + b (n); y may alias a or b */
ag_status ag_cpu_add(float *y, const float *a, const float *b, int64_t n);
ag_status ag_cuda_add(float *y, const float *a, const float *b, int64_t n);
/* y (n) *= alpha */
ag_status ag_cpu_scale(float *y, int64_t n, float alpha);
ag_status ag_cuda_scale(float *y, int64_t n, float alpha);
/* y (n) = max(x, 0); y may alias x */
ag_status ag_cpu_relu_forward(float *y, const float *x, int64_t n);
ag_status ag_cuda_relu_forward(float *y, const float *x, int64_t n);
/* dx (n) = dy * (y > 0), from the forward's output y; dx may alias dy */
ag_status ag_cpu_relu_backward(float *dx, const float *dy, const float *y, int64_t n);
ag_status ag_cuda_relu_backward(float *dx, const float *dy, const float *y, int64_t n);
/* y (n) = tanh(x); y may alias x */
ag_status ag_cpu_tanh_forward(float *y, const float *x, int64_t n);
ag_status ag_cuda_tanh_forward(float *y, const float *x, int64_t n);
/* dx (n) = dy * (1 - y^2), from the forward's output y; dx may alias dy */
ag_status ag_cpu_tanh_backward(float *dx, const float *dy, const float *y, int64_t n);
ag_status ag_cuda_tanh_backward(float *dx, const float *dy, const float *y, int64_t n);

/* ---- random numbers: Philox4x32-10, counter-based (see ag/philox.h) --------------------- */

/* y (n): element i = uniform in [low, high) from Philox(key = seed, counter = (i / 4, offset)),
 * lane i % 4. The same (seed, offset) gives the same numbers on every device. */
ag_status ag_cpu_rng_uniform(float *y, int64_t n, uint64_t seed, uint64_t offset, float low, float high);
ag_status ag_cuda_rng_uniform(float *y, int64_t n, uint64_t seed, uint64_t offset, float low, float high);
/* y (n): normal(mean, std) by Box-Muller over lane pairs (0,1) and (2,3) of each Philox block. */
ag_status ag_cpu_rng_normal(float *y, int64_t n, uint64_t seed, uint64_t offset, float mean, float std);
ag_status ag_cuda_rng_normal(float *y, int64_t n, uint64_t seed, uint64_t offset, float mean, float std);

/* ---- GEMM ------------------------------------------------------------------------------- */

/* c (m,n) = alpha * op(a) op(b) + beta * c, row-major; op(a) is (m,k): a is (m,k) with lda >= k,
 * or (k,m) with lda >= m when transA; op(b) is (k,n): b is (k,n) with ldb >= n, or (n,k) with
 * ldb >= k when transB. beta == 0 ignores c's old contents (NaN included). */
ag_status ag_cpu_gemm(int transA, int transB, int m, int n, int k, float alpha, const float *a, int lda,
                      const float *b, int ldb, float beta, float *c, int ldc);
ag_status ag_cuda_gemm(int transA, int transB, int m, int n, int k, float alpha, const float *a, int lda,
                       const float *b, int ldb, float beta, float *c, int ldc);

/* ---- linear: y = x W^T + b ------------------------------------------------------------- */

/* x (n,in), weight (out,in), bias (out) or NULL -> y (n,out) */
ag_status ag_cpu_linear_forward(const float *x, const float *weight, const float *bias, float *y,
                                int n, int in, int out);
ag_status ag_cuda_linear_forward(const float *x, const float *weight, const float *bias, float *y,
                                 int n, int in, int out);
/* dy (n,out), weight (out,in) -> dx (n,in) */
ag_status ag_cpu_linear_backward_data(const float *dy, const float *weight, float *dx, int n, int in, int out);
ag_status ag_cuda_linear_backward_data(const float *dy, const float *weight, float *dx, int n, int in, int out);
/* x (n,in), dy (n,out) -> weightGrad (out,in) +=, biasGrad (out) += (or NULL) */
ag_status ag_cpu_linear_backward_weight(const float *x, const float *dy, float *weightGrad, float *biasGrad,
                                        int n, int in, int out);
ag_status ag_cuda_linear_backward_weight(const float *x, const float *dy, float *weightGrad, float *biasGrad,
                                         int n, int in, int out);

/* ---- conv2d: kernel kh x kw, stride sh x sw, zero padding ph x pw ------------------------ */
/* p = (h + 2*ph - kh) / sh + 1, q = (w + 2*pw - kw) / sw + 1 (h + 2*ph >= kh, w + 2*pw >= kw) */

/* x (n,c,h,w), weight (k,c,kh,kw), bias (k) or NULL -> y (n,k,p,q) */
ag_status ag_cpu_conv2d_forward(const float *x, const float *weight, const float *bias, float *y,
                                int n, int c, int h, int w, int k, int kh, int kw, int sh, int sw, int ph, int pw);
ag_status ag_cuda_conv2d_forward(const float *x, const float *weight, const float *bias, float *y,
                                 int n, int c, int h, int w, int k, int kh, int kw, int sh, int sw, int ph, int pw);
/* dy (n,k,p,q), weight (k,c,kh,kw) -> dx (n,c,h,w) */
ag_status ag_cpu_conv2d_backward_data(const float *dy, const float *weight, float *dx,
                                      int n, int c, int h, int w, int k, int kh, int kw, int sh, int sw, int ph,
                                      int pw);
ag_status ag_cuda_conv2d_backward_data(const float *dy, const float *weight, float *dx,
                                       int n, int c, int h, int w, int k, int kh, int kw, int sh, int sw, int ph,
                                       int pw);
/* x (n,c,h,w), dy (n,k,p,q) -> weightGrad (k,c,kh,kw) +=, biasGrad (k) += (or NULL) */
ag_status ag_cpu_conv2d_backward_weight(const float *x, const float *dy, float *weightGrad, float *biasGrad,
                                        int n, int c, int h, int w, int k, int kh, int kw, int sh, int sw, int ph,
                                        int pw);
ag_status ag_cuda_conv2d_backward_weight(const float *x, const float *dy, float *weightGrad, float *biasGrad,
                                         int n, int c, int h, int w, int k, int kh, int kw, int sh, int sw, int ph,
                                         int pw);

/* ---- conv_transpose2d: kernel 2, stride 2, padding 0 (PyTorch layout) ------------------- */

/* x (n,c,h,w), weight (c,k,2,2), bias (k) or NULL -> y (n,k,2h,2w) */
ag_status ag_cpu_conv_transpose2d_forward(const float *x, const float *weight, const float *bias, float *y,
                                          int n, int c, int h, int w, int k);
ag_status ag_cuda_conv_transpose2d_forward(const float *x, const float *weight, const float *bias, float *y,
                                           int n, int c, int h, int w, int k);
/* dy (n,k,2h,2w), weight (c,k,2,2) -> dx (n,c,h,w) */
ag_status ag_cpu_conv_transpose2d_backward_data(const float *dy, const float *weight, float *dx,
                                                int n, int c, int h, int w, int k);
ag_status ag_cuda_conv_transpose2d_backward_data(const float *dy, const float *weight, float *dx,
                                                 int n, int c, int h, int w, int k);
/* x (n,c,h,w), dy (n,k,2h,2w) -> weightGrad (c,k,2,2) +=, biasGrad (k) += (or NULL) */
ag_status ag_cpu_conv_transpose2d_backward_weight(const float *x, const float *dy, float *weightGrad,
                                                  float *biasGrad, int n, int c, int h, int w, int k);
ag_status ag_cuda_conv_transpose2d_backward_weight(const float *x, const float *dy, float *weightGrad,
                                                   float *biasGrad, int n, int c, int h, int w, int k);

/* ---- upsample (nearest / bilinear, align_corners = False) to any output size ------------- */

/* x (n,c,h,w) -> y (n,c,outH,outW); mode is an ag_upsample_mode */
ag_status ag_cpu_upsample_forward(const float *x, float *y, int n, int c, int h, int w, int outH, int outW,
                                  int mode);
ag_status ag_cuda_upsample_forward(const float *x, float *y, int n, int c, int h, int w, int outH, int outW,
                                   int mode);
/* dy (n,c,outH,outW) -> dx (n,c,h,w) */
ag_status ag_cpu_upsample_backward(const float *dy, float *dx, int n, int c, int h, int w, int outH, int outW,
                                   int mode);
ag_status ag_cuda_upsample_backward(const float *dy, float *dx, int n, int c, int h, int w, int outH, int outW,
                                    int mode);

/* ---- batch_norm2d: affine, eps, momentum, unbiased running variance --------------------- */

/* Training: statistics over (n,h,w) per channel.
 * x (n,c,h,w), gamma (c), beta (c) -> y (n,c,h,w), saveMean (c), saveInvStd (c) = 1/sqrt(var+eps)
 * (biased var); runningMean/runningVar (c), both NULL or both set, become
 * (1-momentum)*running + momentum*batch (the variance unbiased: var * m / (m-1), m = n*h*w). */
ag_status ag_cpu_batch_norm2d_forward_train(const float *x, const float *gamma, const float *beta, float *y,
                                            float *saveMean, float *saveInvStd, float *runningMean,
                                            float *runningVar, int n, int c, int h, int w, float eps,
                                            float momentum);
ag_status ag_cuda_batch_norm2d_forward_train(const float *x, const float *gamma, const float *beta, float *y,
                                             float *saveMean, float *saveInvStd, float *runningMean,
                                             float *runningVar, int n, int c, int h, int w, float eps,
                                             float momentum);
/* Evaluation: x (n,c,h,w), gamma, beta, runningMean, runningVar (c) -> y (n,c,h,w) */
ag_status ag_cpu_batch_norm2d_forward_eval(const float *x, const float *gamma, const float *beta,
                                           const float *runningMean, const float *runningVar, float *y,
                                           int n, int c, int h, int w, float eps);
ag_status ag_cuda_batch_norm2d_forward_eval(const float *x, const float *gamma, const float *beta,
                                            const float *runningMean, const float *runningVar, float *y,
                                            int n, int c, int h, int w, float eps);
/* Training backward: x, dy (n,c,h,w), gamma, saveMean, saveInvStd (c) -> dx (n,c,h,w),
 * gammaGrad (c) +=, betaGrad (c) += */
ag_status ag_cpu_batch_norm2d_backward(const float *x, const float *dy, const float *gamma,
                                       const float *saveMean, const float *saveInvStd, float *dx,
                                       float *gammaGrad, float *betaGrad, int n, int c, int h, int w);
ag_status ag_cuda_batch_norm2d_backward(const float *x, const float *dy, const float *gamma,
                                        const float *saveMean, const float *saveInvStd, float *dx,
                                        float *gammaGrad, float *betaGrad, int n, int c, int h, int w);

/* ---- instance_norm2d: no affine, no running statistics ---------------------------------- */

/* x (n,c,h,w) -> y (n,c,h,w), saveMean (n,c), saveInvStd (n,c) = 1/sqrt(biased var + eps) */
ag_status ag_cpu_instance_norm2d_forward(const float *x, float *y, float *saveMean, float *saveInvStd,
                                         int n, int c, int h, int w, float eps);
ag_status ag_cuda_instance_norm2d_forward(const float *x, float *y, float *saveMean, float *saveInvStd,
                                          int n, int c, int h, int w, float eps);
/* x, dy (n,c,h,w), saveMean, saveInvStd (n,c) -> dx (n,c,h,w) */
ag_status ag_cpu_instance_norm2d_backward(const float *x, const float *dy, const float *saveMean,
                                          const float *saveInvStd, float *dx, int n, int c, int h, int w);
ag_status ag_cuda_instance_norm2d_backward(const float *x, const float *dy, const float *saveMean,
                                           const float *saveInvStd, float *dx, int n, int c, int h, int w);

/* ---- pooling and reductions ------------------------------------------------------------- */

/* avg_pool 2x2, stride 2: x (n,c,h,w) (h, w even) -> y (n,c,h/2,w/2) */
ag_status ag_cpu_avg_pool2d_forward(const float *x, float *y, int n, int c, int h, int w);
ag_status ag_cuda_avg_pool2d_forward(const float *x, float *y, int n, int c, int h, int w);
/* dy (n,c,h/2,w/2) -> dx (n,c,h,w) */
ag_status ag_cpu_avg_pool2d_backward(const float *dy, float *dx, int n, int c, int h, int w);
ag_status ag_cuda_avg_pool2d_backward(const float *dy, float *dx, int n, int c, int h, int w);
/* sum over H and W (the discriminator head): x (n,c,h,w) -> y (n,c) */
ag_status ag_cpu_sum_hw_forward(const float *x, float *y, int n, int c, int h, int w);
ag_status ag_cuda_sum_hw_forward(const float *x, float *y, int n, int c, int h, int w);
/* dy (n,c) -> dx (n,c,h,w) = dy broadcast */
ag_status ag_cpu_sum_hw_backward(const float *dy, float *dx, int n, int c, int h, int w);
ag_status ag_cuda_sum_hw_backward(const float *dy, float *dx, int n, int c, int h, int w);

/* ---- hinge loss pieces (kind is an ag_hinge_kind) --------------------------------------- */

/* x (n) -> loss (1) */
ag_status ag_cpu_hinge_loss_forward(const float *x, float *loss, int n, int kind);
ag_status ag_cuda_hinge_loss_forward(const float *x, float *loss, int n, int kind);
/* x (n) -> dx (n) = d loss / dx (relu's derivative at 0 is 0, as in PyTorch) */
ag_status ag_cpu_hinge_loss_backward(const float *x, float *dx, int n, int kind);
ag_status ag_cuda_hinge_loss_backward(const float *x, float *dx, int n, int kind);

/* ---- spectral norm (torch.nn.utils.spectral_norm, one power iteration) ------------------ */

/* weight viewed as (rows, cols) = (out, in*kh*kw). If update: v = normalize(W^T u), then
 * u = normalize(W v), each normalize dividing by max(||.||, eps), u (rows) and v (cols) updated in
 * place. Then sigma (1) = u . (W v) and weightSn (rows,cols) = W / sigma. */
ag_status ag_cpu_spectral_norm_forward(const float *weight, float *u, float *v, float *weightSn, float *sigma,
                                       int rows, int cols, int update, float eps);
ag_status ag_cuda_spectral_norm_forward(const float *weight, float *u, float *v, float *weightSn, float *sigma,
                                        int rows, int cols, int update, float eps);
/* u, v, sigma treated as constants: weightGrad (rows,cols) +=
 *   weightSnGrad / sigma - (sum(weightSnGrad * W) / sigma^2) * u v^T */
ag_status ag_cpu_spectral_norm_backward(const float *weight, const float *u, const float *v,
                                        const float *sigma, const float *weightSnGrad, float *weightGrad,
                                        int rows, int cols);
ag_status ag_cuda_spectral_norm_backward(const float *weight, const float *u, const float *v,
                                         const float *sigma, const float *weightSnGrad, float *weightGrad,
                                         int rows, int cols);

/* ---- optimizers ------------------------------------------------------------------------- */

/* PyTorch Adam without weight decay, step >= 1: m = b1 m + (1-b1) g; v = b2 v + (1-b2) g^2;
 * param -= lr / (1 - b1^step) * m / (sqrt(v) / sqrt(1 - b2^step) + eps). All (n). */
ag_status ag_cpu_adam_step(float *param, const float *grad, float *m, float *v, int64_t n, float lr,
                           float beta1, float beta2, float eps, int step);
ag_status ag_cuda_adam_step(float *param, const float *grad, float *m, float *v, int64_t n, float lr,
                            float beta1, float beta2, float eps, int step);
/* avg (n) = decay * avg + (1 - decay) * x (n) */
ag_status ag_cpu_ema_update(float *avg, const float *x, int64_t n, float decay);
ag_status ag_cuda_ema_update(float *avg, const float *x, int64_t n, float decay);

/* ---- inference ops of InceptionV3 (IS and FID scoring; forward only) -------------------- */

/* max pooling as F.max_pool2d (floor mode; padding never wins, a NaN in a window wins):
 * x (n,c,h,w) -> y (n,c,p,q), p = (h + 2 pad - kernel) / stride + 1, q likewise; pad <= kernel / 2 */
ag_status ag_cpu_max_pool2d_forward(const float *x, float *y, int n, int c, int h, int w, int kernel, int stride,
                                    int pad);
ag_status ag_cuda_max_pool2d_forward(const float *x, float *y, int n, int c, int h, int w, int kernel, int stride,
                                     int pad);
/* average pooling as F.avg_pool2d (floor mode): x (n,c,h,w) -> y (n,c,p,q), sizes as max pooling;
 * countIncludePad != 0 divides by the window clipped to the padded input, 0 by its in-image part */
ag_status ag_cpu_avg_pool2d_window_forward(const float *x, float *y, int n, int c, int h, int w, int kernel,
                                           int stride, int pad, int countIncludePad);
ag_status ag_cuda_avg_pool2d_window_forward(const float *x, float *y, int n, int c, int h, int w, int kernel,
                                            int stride, int pad, int countIncludePad);
/* adaptive average pooling to 1x1: x (n,c,h,w) -> y (n,c) = mean over h*w */
ag_status ag_cpu_adaptive_avg_pool2d_forward(const float *x, float *y, int n, int c, int h, int w);
ag_status ag_cuda_adaptive_avg_pool2d_forward(const float *x, float *y, int n, int c, int h, int w);
/* channel concat piece: x (n,cx,h,w) -> channels [offset, offset + cx) of y (n,cy,h,w); the other
 * channels of y are left as they are */
ag_status ag_cpu_copy_channels(const float *x, float *y, int n, int cx, int h, int w, int cy, int offset);
ag_status ag_cuda_copy_channels(const float *x, float *y, int n, int cx, int h, int w, int cy, int offset);
/* row-wise softmax (log != 0: log-softmax), the row maximum subtracted first: x (rows,cols) -> y (rows,cols) */
ag_status ag_cpu_softmax_forward(const float *x, float *y, int rows, int cols, int log);
ag_status ag_cuda_softmax_forward(const float *x, float *y, int rows, int cols, int log);
/* y (n,c,h,w) = x (n,c,h,w) * scale[c] + shift[c], then max(y, 0) when relu != 0: batch norm in
 * eval with folded statistics (scale, shift (c)); y may be x */
ag_status ag_cpu_channel_affine_forward(const float *x, const float *scale, const float *shift, float *y, int n,
                                        int c, int h, int w, int relu);
ag_status ag_cuda_channel_affine_forward(const float *x, const float *scale, const float *shift, float *y, int n,
                                         int c, int h, int w, int relu);

#ifdef __cplusplus
}
#endif

#endif
