package org.autogan4j.tensor;

import org.autogan4j.nativeapi.AgCpu;

/** The CPU backend: every native call goes to the C++ CPU twins through {@link AgCpu}. */
public final class CpuBackend extends Backend {
    private static final CpuBackend INSTANCE = new CpuBackend();

    private CpuBackend() {
        super(Device.CPU);
    }

    public static CpuBackend instance() {
        return INSTANCE;
    }

    /** Sets the OpenMP thread count for kernels called from the current thread. */
    public void setThreads(int threads) {
        if (AgCpu.ag_set_cpu_threads(threads) != 0) {
            throw new NativeException(1, "setThreads", AgCpu.ag_last_error());
        }
    }

    @Override
    protected String lastError() {
        return AgCpu.ag_last_error();
    }

    @Override
    protected int nAlloc(long bytes, long[] address) {
        return AgCpu.ag_cpu_alloc(bytes, address);
    }

    @Override
    protected int nFree(long address) {
        return AgCpu.ag_cpu_free(address);
    }

    @Override
    protected int nUpload(long dst, float[] host, long n) {
        return AgCpu.ag_cpu_upload(dst, host, n);
    }

    @Override
    protected int nUpload(long dst, long host, long n) {
        return AgCpu.ag_cpu_upload(dst, host, n);
    }

    @Override
    protected int nDownload(float[] host, long src, long n) {
        return AgCpu.ag_cpu_download(host, src, n);
    }

    @Override
    protected int nDownload(long host, long src, long n) {
        return AgCpu.ag_cpu_download(host, src, n);
    }

    @Override
    protected int nSynchronize() {
        return AgCpu.ag_cpu_synchronize();
    }

    @Override
    protected int nFill(long y, long n, float value) {
        return AgCpu.ag_cpu_fill(y, n, value);
    }

    @Override
    protected int nCopy(long y, long x, long n) {
        return AgCpu.ag_cpu_copy(y, x, n);
    }

    @Override
    protected int nAxpy(long y, long x, long n, float alpha) {
        return AgCpu.ag_cpu_axpy(y, x, n, alpha);
    }

    @Override
    protected int nAdd(long y, long a, long b, long n) {
        return AgCpu.ag_cpu_add(y, a, b, n);
    }

    @Override
    protected int nScale(long y, long n, float alpha) {
        return AgCpu.ag_cpu_scale(y, n, alpha);
    }

    @Override
    protected int nReluForward(long y, long x, long n) {
        return AgCpu.ag_cpu_relu_forward(y, x, n);
    }

    @Override
    protected int nReluBackward(long dx, long dy, long y, long n) {
        return AgCpu.ag_cpu_relu_backward(dx, dy, y, n);
    }

    @Override
    protected int nTanhForward(long y, long x, long n) {
        return AgCpu.ag_cpu_tanh_forward(y, x, n);
    }

    @Override
    protected int nTanhBackward(long dx, long dy, long y, long n) {
        return AgCpu.ag_cpu_tanh_backward(dx, dy, y, n);
    }

    @Override
    protected int nRngUniform(long y, long n, long seed, long offset, float low, float high) {
        return AgCpu.ag_cpu_rng_uniform(y, n, seed, offset, low, high);
    }

    @Override
    protected int nRngNormal(long y, long n, long seed, long offset, float mean, float std) {
        return AgCpu.ag_cpu_rng_normal(y, n, seed, offset, mean, std);
    }

    @Override
    protected int nGemm(int transA, int transB, int m, int n, int k, float alpha, long a, int lda, long b, int ldb, float beta, long c, int ldc) {
        return AgCpu.ag_cpu_gemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    }

    @Override
    protected int nLinearForward(long x, long weight, long bias, long y, int n, int in, int out) {
        return AgCpu.ag_cpu_linear_forward(x, weight, bias, y, n, in, out);
    }

    @Override
    protected int nLinearBackwardData(long dy, long weight, long dx, int n, int in, int out) {
        return AgCpu.ag_cpu_linear_backward_data(dy, weight, dx, n, in, out);
    }

    @Override
    protected int nLinearBackwardWeight(long x, long dy, long weightGrad, long biasGrad, int n, int in, int out) {
        return AgCpu.ag_cpu_linear_backward_weight(x, dy, weightGrad, biasGrad, n, in, out);
    }

    @Override
    protected int nConv2dForward(long x, long weight, long bias, long y, int n, int c, int h, int w, int k, int kh, int kw, int sh, int sw, int ph, int pw) {
        return AgCpu.ag_cpu_conv2d_forward(x, weight, bias, y, n, c, h, w, k, kh, kw, sh, sw, ph, pw);
    }

    @Override
    protected int nConv2dBackwardData(long dy, long weight, long dx, int n, int c, int h, int w, int k, int kh, int kw, int sh, int sw, int ph, int pw) {
        return AgCpu.ag_cpu_conv2d_backward_data(dy, weight, dx, n, c, h, w, k, kh, kw, sh, sw, ph, pw);
    }

    @Override
    protected int nConv2dBackwardWeight(long x, long dy, long weightGrad, long biasGrad, int n, int c, int h, int w, int k, int kh, int kw, int sh, int sw, int ph, int pw) {
        return AgCpu.ag_cpu_conv2d_backward_weight(x, dy, weightGrad, biasGrad, n, c, h, w, k, kh, kw, sh, sw, ph, pw);
    }

    @Override
    protected int nConvTranspose2dForward(long x, long weight, long bias, long y, int n, int c, int h, int w, int k) {
        return AgCpu.ag_cpu_conv_transpose2d_forward(x, weight, bias, y, n, c, h, w, k);
    }

    @Override
    protected int nConvTranspose2dBackwardData(long dy, long weight, long dx, int n, int c, int h, int w, int k) {
        return AgCpu.ag_cpu_conv_transpose2d_backward_data(dy, weight, dx, n, c, h, w, k);
    }

    @Override
    protected int nConvTranspose2dBackwardWeight(long x, long dy, long weightGrad, long biasGrad, int n, int c, int h, int w, int k) {
        return AgCpu.ag_cpu_conv_transpose2d_backward_weight(x, dy, weightGrad, biasGrad, n, c, h, w, k);
    }

    @Override
    protected int nUpsampleForward(long x, long y, int n, int c, int h, int w, int outH, int outW, int mode) {
        return AgCpu.ag_cpu_upsample_forward(x, y, n, c, h, w, outH, outW, mode);
    }

    @Override
    protected int nUpsampleBackward(long dy, long dx, int n, int c, int h, int w, int outH, int outW, int mode) {
        return AgCpu.ag_cpu_upsample_backward(dy, dx, n, c, h, w, outH, outW, mode);
    }

    @Override
    protected int nBatchNorm2dForwardTrain(long x, long gamma, long beta, long y, long saveMean, long saveInvStd, long runningMean, long runningVar, int n, int c, int h, int w, float eps, float momentum) {
        return AgCpu.ag_cpu_batch_norm2d_forward_train(x, gamma, beta, y, saveMean, saveInvStd, runningMean, runningVar, n, c, h, w, eps, momentum);
    }

    @Override
    protected int nBatchNorm2dForwardEval(long x, long gamma, long beta, long runningMean, long runningVar, long y, int n, int c, int h, int w, float eps) {
        return AgCpu.ag_cpu_batch_norm2d_forward_eval(x, gamma, beta, runningMean, runningVar, y, n, c, h, w, eps);
    }

    @Override
    protected int nBatchNorm2dBackward(long x, long dy, long gamma, long saveMean, long saveInvStd, long dx, long gammaGrad, long betaGrad, int n, int c, int h, int w) {
        return AgCpu.ag_cpu_batch_norm2d_backward(x, dy, gamma, saveMean, saveInvStd, dx, gammaGrad, betaGrad, n, c, h, w);
    }

    @Override
    protected int nInstanceNorm2dForward(long x, long y, long saveMean, long saveInvStd, int n, int c, int h, int w, float eps) {
        return AgCpu.ag_cpu_instance_norm2d_forward(x, y, saveMean, saveInvStd, n, c, h, w, eps);
    }

    @Override
    protected int nInstanceNorm2dBackward(long x, long dy, long saveMean, long saveInvStd, long dx, int n, int c, int h, int w) {
        return AgCpu.ag_cpu_instance_norm2d_backward(x, dy, saveMean, saveInvStd, dx, n, c, h, w);
    }

    @Override
    protected int nAvgPool2dForward(long x, long y, int n, int c, int h, int w) {
        return AgCpu.ag_cpu_avg_pool2d_forward(x, y, n, c, h, w);
    }

    @Override
    protected int nAvgPool2dBackward(long dy, long dx, int n, int c, int h, int w) {
        return AgCpu.ag_cpu_avg_pool2d_backward(dy, dx, n, c, h, w);
    }

    @Override
    protected int nSumHwForward(long x, long y, int n, int c, int h, int w) {
        return AgCpu.ag_cpu_sum_hw_forward(x, y, n, c, h, w);
    }

    @Override
    protected int nSumHwBackward(long dy, long dx, int n, int c, int h, int w) {
        return AgCpu.ag_cpu_sum_hw_backward(dy, dx, n, c, h, w);
    }

    @Override
    protected int nHingeLossForward(long x, long loss, int n, int kind) {
        return AgCpu.ag_cpu_hinge_loss_forward(x, loss, n, kind);
    }

    @Override
    protected int nHingeLossBackward(long x, long dx, int n, int kind) {
        return AgCpu.ag_cpu_hinge_loss_backward(x, dx, n, kind);
    }

    @Override
    protected int nSpectralNormForward(long weight, long u, long v, long weightSn, long sigma, int rows, int cols, int update, float eps) {
        return AgCpu.ag_cpu_spectral_norm_forward(weight, u, v, weightSn, sigma, rows, cols, update, eps);
    }

    @Override
    protected int nSpectralNormBackward(long weight, long u, long v, long sigma, long weightSnGrad, long weightGrad, int rows, int cols) {
        return AgCpu.ag_cpu_spectral_norm_backward(weight, u, v, sigma, weightSnGrad, weightGrad, rows, cols);
    }

    @Override
    protected int nAdamStep(long param, long grad, long m, long v, long n, float lr, float beta1, float beta2, float eps, int step) {
        return AgCpu.ag_cpu_adam_step(param, grad, m, v, n, lr, beta1, beta2, eps, step);
    }

    @Override
    protected int nEmaUpdate(long avg, long x, long n, float decay) {
        return AgCpu.ag_cpu_ema_update(avg, x, n, decay);
    }

    @Override
    protected int nMaxPool2dForward(long x, long y, int n, int c, int h, int w, int kernel, int stride, int pad) {
        return AgCpu.ag_cpu_max_pool2d_forward(x, y, n, c, h, w, kernel, stride, pad);
    }

    @Override
    protected int nAvgPool2dWindowForward(long x, long y, int n, int c, int h, int w, int kernel, int stride, int pad, int countIncludePad) {
        return AgCpu.ag_cpu_avg_pool2d_window_forward(x, y, n, c, h, w, kernel, stride, pad, countIncludePad);
    }

    @Override
    protected int nAdaptiveAvgPool2dForward(long x, long y, int n, int c, int h, int w) {
        return AgCpu.ag_cpu_adaptive_avg_pool2d_forward(x, y, n, c, h, w);
    }

    @Override
    protected int nCopyChannels(long x, long y, int n, int cx, int h, int w, int cy, int offset) {
        return AgCpu.ag_cpu_copy_channels(x, y, n, cx, h, w, cy, offset);
    }

    @Override
    protected int nSoftmaxForward(long x, long y, int rows, int cols, int log) {
        return AgCpu.ag_cpu_softmax_forward(x, y, rows, cols, log);
    }

    @Override
    protected int nChannelAffineForward(long x, long scale, long shift, long y, int n, int c, int h, int w, int relu) {
        return AgCpu.ag_cpu_channel_affine_forward(x, scale, shift, y, n, c, h, w, relu);
    }
}
