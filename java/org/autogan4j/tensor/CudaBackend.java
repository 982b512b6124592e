package org.autogan4j.tensor;

import java.nio.charset.StandardCharsets;

import org.autogan4j.nativeapi.AgCuda;

/**
 * The CUDA backend: every native call goes to the CUDA twins through {@link AgCuda}, on the first
 * GPU, asynchronously on the library's one stream. {@link #unavailableReason()} says why CUDA cannot
 * be used (a build without -Pcuda, no driver, no GPU) without throwing.
 */
public final class CudaBackend extends Backend {
    private static final Object LOCK = new Object();
    private static CudaBackend instance;
    private static String unavailable;
    private static boolean probed;

    private final String description;

    private CudaBackend(String description) {
        super(Device.CUDA);
        this.description = description;
    }

    /** Why CUDA cannot be used here, or null when it can. */
    public static String unavailableReason() {
        synchronized (LOCK) {
            if (!probed) {
                probed = true;
                try {
                    instance = new CudaBackend(open());
                } catch (UnsatisfiedLinkError missingLibrary) {
                    unavailable = "this autogan4j build has no CUDA library; build it with mvn -Pcuda package";
                } catch (NativeException e) {
                    unavailable = e.getMessage();
                }
            }
            return unavailable;
        }
    }

    /** The CUDA backend; fails, saying why, where CUDA is unavailable. */
    public static CudaBackend instance() {
        String reason = unavailableReason();
        if (reason != null) {
            throw new NativeException(NativeException.Status.NO_CUDA.ordinal(), "CUDA", reason);
        }
        return instance;
    }

    private static String open() {
        int[] count = new int[1];
        if (AgCuda.ag_cuda_device_count(count) != 0) {
            throw new NativeException(NativeException.Status.CUDA.ordinal(), "cuda device count", AgCuda.ag_last_error());
        }
        if (count[0] == 0) {
            throw new NativeException(NativeException.Status.NO_CUDA.ordinal(), "CUDA",
                    "no CUDA driver or GPU answers on this machine");
        }
        int status = AgCuda.ag_cuda_init(0);
        if (status != 0) {
            throw new NativeException(status, "cuda init", AgCuda.ag_last_error());
        }
        byte[] name = new byte[256];
        int[] major = new int[1];
        int[] minor = new int[1];
        status = AgCuda.ag_cuda_device_info(name, name.length, major, minor);
        if (status != 0) {
            throw new NativeException(status, "cuda device info", AgCuda.ag_last_error());
        }
        int length = 0;
        while (length < name.length && name[length] != 0) {
            length++;
        }
        return new String(name, 0, length, StandardCharsets.UTF_8) + " (sm_" + major[0] + minor[0] + ")";
    }

    /** The GPU's name and compute capability. */
    public String describe() {
        return description;
    }

    /** {free, total} device memory in bytes. */
    public long[] memoryInfo() {
        long[] free = new long[1];
        long[] total = new long[1];
        int status = AgCuda.ag_cuda_mem_info(free, total);
        if (status != 0) {
            throw new NativeException(status, "cuda memory info", AgCuda.ag_last_error());
        }
        return new long[] {free[0], total[0]};
    }

    /**
     * Tensor cores in TF32 for gemm, linear and the convolutions ({@code true}, the default, as PyTorch
     * does for cuDNN convolutions) or strict FP32 ({@code false}, for parity tests against the CPU).
     * Process-wide; applies to the ops queued after the call.
     */
    public void setTf32(boolean enabled) {
        int status = AgCuda.ag_cuda_set_tf32(enabled ? 1 : 0);
        if (status != 0) {
            throw new NativeException(status, "cuda set tf32", AgCuda.ag_last_error());
        }
    }

    @Override
    protected String lastError() {
        return AgCuda.ag_last_error();
    }

    @Override
    protected int nAlloc(long bytes, long[] address) {
        return AgCuda.ag_cuda_alloc(bytes, address);
    }

    @Override
    protected int nFree(long address) {
        return AgCuda.ag_cuda_free(address);
    }

    @Override
    protected int nUpload(long dst, float[] host, long n) {
        return AgCuda.ag_cuda_upload(dst, host, n);
    }

    @Override
    protected int nUpload(long dst, long host, long n) {
        return AgCuda.ag_cuda_upload(dst, host, n);
    }

    @Override
    protected int nDownload(float[] host, long src, long n) {
        return AgCuda.ag_cuda_download(host, src, n);
    }

    @Override
    protected int nDownload(long host, long src, long n) {
        return AgCuda.ag_cuda_download(host, src, n);
    }

    @Override
    protected int nSynchronize() {
        return AgCuda.ag_cuda_synchronize();
    }

    @Override
    protected int nFill(long y, long n, float value) {
        return AgCuda.ag_cuda_fill(y, n, value);
    }

    @Override
    protected int nCopy(long y, long x, long n) {
        return AgCuda.ag_cuda_copy(y, x, n);
    }

    @Override
    protected int nAxpy(long y, long x, long n, float alpha) {
        return AgCuda.ag_cuda_axpy(y, x, n, alpha);
    }

    @Override
    protected int nAdd(long y, long a, long b, long n) {
        return AgCuda.ag_cuda_add(y, a, b, n);
    }

    @Override
    protected int nScale(long y, long n, float alpha) {
        return AgCuda.ag_cuda_scale(y, n, alpha);
    }

    @Override
    protected int nReluForward(long y, long x, long n) {
        return AgCuda.ag_cuda_relu_forward(y, x, n);
    }

    @Override
    protected int nReluBackward(long dx, long dy, long y, long n) {
        return AgCuda.ag_cuda_relu_backward(dx, dy, y, n);
    }

    @Override
    protected int nTanhForward(long y, long x, long n) {
        return AgCuda.ag_cuda_tanh_forward(y, x, n);
    }

    @Override
    protected int nTanhBackward(long dx, long dy, long y, long n) {
        return AgCuda.ag_cuda_tanh_backward(dx, dy, y, n);
    }

    @Override
    protected int nRngUniform(long y, long n, long seed, long offset, float low, float high) {
        return AgCuda.ag_cuda_rng_uniform(y, n, seed, offset, low, high);
    }

    @Override
    protected int nRngNormal(long y, long n, long seed, long offset, float mean, float std) {
        return AgCuda.ag_cuda_rng_normal(y, n, seed, offset, mean, std);
    }

    @Override
    protected int nGemm(int transA, int transB, int m, int n, int k, float alpha, long a, int lda, long b, int ldb, float beta, long c, int ldc) {
        return AgCuda.ag_cuda_gemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    }

    @Override
    protected int nLinearForward(long x, long weight, long bias, long y, int n, int in, int out) {
        return AgCuda.ag_cuda_linear_forward(x, weight, bias, y, n, in, out);
    }

    @Override
    protected int nLinearBackwardData(long dy, long weight, long dx, int n, int in, int out) {
        return AgCuda.ag_cuda_linear_backward_data(dy, weight, dx, n, in, out);
    }

    @Override
    protected int nLinearBackwardWeight(long x, long dy, long weightGrad, long biasGrad, int n, int in, int out) {
        return AgCuda.ag_cuda_linear_backward_weight(x, dy, weightGrad, biasGrad, n, in, out);
    }

    @Override
    protected int nConv2dForward(long x, long weight, long bias, long y, int n, int c, int h, int w, int k, int kh, int kw, int sh, int sw, int ph, int pw) {
        return AgCuda.ag_cuda_conv2d_forward(x, weight, bias, y, n, c, h, w, k, kh, kw, sh, sw, ph, pw);
    }

    @Override
    protected int nConv2dBackwardData(long dy, long weight, long dx, int n, int c, int h, int w, int k, int kh, int kw, int sh, int sw, int ph, int pw) {
        return AgCuda.ag_cuda_conv2d_backward_data(dy, weight, dx, n, c, h, w, k, kh, kw, sh, sw, ph, pw);
    }

    @Override
    protected int nConv2dBackwardWeight(long x, long dy, long weightGrad, long biasGrad, int n, int c, int h, int w, int k, int kh, int kw, int sh, int sw, int ph, int pw) {
        return AgCuda.ag_cuda_conv2d_backward_weight(x, dy, weightGrad, biasGrad, n, c, h, w, k, kh, kw, sh, sw, ph, pw);
    }

    @Override
    protected int nConvTranspose2dForward(long x, long weight, long bias, long y, int n, int c, int h, int w, int k) {
        return AgCuda.ag_cuda_conv_transpose2d_forward(x, weight, bias, y, n, c, h, w, k);
    }

    @Override
    protected int nConvTranspose2dBackwardData(long dy, long weight, long dx, int n, int c, int h, int w, int k) {
        return AgCuda.ag_cuda_conv_transpose2d_backward_data(dy, weight, dx, n, c, h, w, k);
    }

    @Override
    protected int nConvTranspose2dBackwardWeight(long x, long dy, long weightGrad, long biasGrad, int n, int c, int h, int w, int k) {
        return AgCuda.ag_cuda_conv_transpose2d_backward_weight(x, dy, weightGrad, biasGrad, n, c, h, w, k);
    }

    @Override
    protected int nUpsampleForward(long x, long y, int n, int c, int h, int w, int outH, int outW, int mode) {
        return AgCuda.ag_cuda_upsample_forward(x, y, n, c, h, w, outH, outW, mode);
    }

    @Override
    protected int nUpsampleBackward(long dy, long dx, int n, int c, int h, int w, int outH, int outW, int mode) {
        return AgCuda.ag_cuda_upsample_backward(dy, dx, n, c, h, w, outH, outW, mode);
    }

    @Override
    protected int nBatchNorm2dForwardTrain(long x, long gamma, long beta, long y, long saveMean, long saveInvStd, long runningMean, long runningVar, int n, int c, int h, int w, float eps, float momentum) {
        return AgCuda.ag_cuda_batch_norm2d_forward_train(x, gamma, beta, y, saveMean, saveInvStd, runningMean, runningVar, n, c, h, w, eps, momentum);
    }

    @Override
    protected int nBatchNorm2dForwardEval(long x, long gamma, long beta, long runningMean, long runningVar, long y, int n, int c, int h, int w, float eps) {
        return AgCuda.ag_cuda_batch_norm2d_forward_eval(x, gamma, beta, runningMean, runningVar, y, n, c, h, w, eps);
    }

    @Override
    protected int nBatchNorm2dBackward(long x, long dy, long gamma, long saveMean, long saveInvStd, long dx, long gammaGrad, long betaGrad, int n, int c, int h, int w) {
        return AgCuda.ag_cuda_batch_norm2d_backward(x, dy, gamma, saveMean, saveInvStd, dx, gammaGrad, betaGrad, n, c, h, w);
    }

    @Override
    protected int nInstanceNorm2dForward(long x, long y, long saveMean, long saveInvStd, int n, int c, int h, int w, float eps) {
        return AgCuda.ag_cuda_instance_norm2d_forward(x, y, saveMean, saveInvStd, n, c, h, w, eps);
    }

    @Override
    protected int nInstanceNorm2dBackward(long x, long dy, long saveMean, long saveInvStd, long dx, int n, int c, int h, int w) {
        return AgCuda.ag_cuda_instance_norm2d_backward(x, dy, saveMean, saveInvStd, dx, n, c, h, w);
    }

    @Override
    protected int nAvgPool2dForward(long x, long y, int n, int c, int h, int w) {
        return AgCuda.ag_cuda_avg_pool2d_forward(x, y, n, c, h, w);
    }

    @Override
    protected int nAvgPool2dBackward(long dy, long dx, int n, int c, int h, int w) {
        return AgCuda.ag_cuda_avg_pool2d_backward(dy, dx, n, c, h, w);
    }

    @Override
    protected int nSumHwForward(long x, long y, int n, int c, int h, int w) {
        return AgCuda.ag_cuda_sum_hw_forward(x, y, n, c, h, w);
    }

    @Override
    protected int nSumHwBackward(long dy, long dx, int n, int c, int h, int w) {
        return AgCuda.ag_cuda_sum_hw_backward(dy, dx, n, c, h, w);
    }

    @Override
    protected int nHingeLossForward(long x, long loss, int n, int kind) {
        return AgCuda.ag_cuda_hinge_loss_forward(x, loss, n, kind);
    }

    @Override
    protected int nHingeLossBackward(long x, long dx, int n, int kind) {
        return AgCuda.ag_cuda_hinge_loss_backward(x, dx, n, kind);
    }

    @Override
    protected int nSpectralNormForward(long weight, long u, long v, long weightSn, long sigma, int rows, int cols, int update, float eps) {
        return AgCuda.ag_cuda_spectral_norm_forward(weight, u, v, weightSn, sigma, rows, cols, update, eps);
    }

    @Override
    protected int nSpectralNormBackward(long weight, long u, long v, long sigma, long weightSnGrad, long weightGrad, int rows, int cols) {
        return AgCuda.ag_cuda_spectral_norm_backward(weight, u, v, sigma, weightSnGrad, weightGrad, rows, cols);
    }

    @Override
    protected int nAdamStep(long param, long grad, long m, long v, long n, float lr, float beta1, float beta2, float eps, int step) {
        return AgCuda.ag_cuda_adam_step(param, grad, m, v, n, lr, beta1, beta2, eps, step);
    }

    @Override
    protected int nEmaUpdate(long avg, long x, long n, float decay) {
        return AgCuda.ag_cuda_ema_update(avg, x, n, decay);
    }

    @Override
    protected int nMaxPool2dForward(long x, long y, int n, int c, int h, int w, int kernel, int stride, int pad) {
        return AgCuda.ag_cuda_max_pool2d_forward(x, y, n, c, h, w, kernel, stride, pad);
    }

    @Override
    protected int nAvgPool2dWindowForward(long x, long y, int n, int c, int h, int w, int kernel, int stride, int pad, int countIncludePad) {
        return AgCuda.ag_cuda_avg_pool2d_window_forward(x, y, n, c, h, w, kernel, stride, pad, countIncludePad);
    }

    @Override
    protected int nAdaptiveAvgPool2dForward(long x, long y, int n, int c, int h, int w) {
        return AgCuda.ag_cuda_adaptive_avg_pool2d_forward(x, y, n, c, h, w);
    }

    @Override
    protected int nCopyChannels(long x, long y, int n, int cx, int h, int w, int cy, int offset) {
        return AgCuda.ag_cuda_copy_channels(x, y, n, cx, h, w, cy, offset);
    }

    @Override
    protected int nSoftmaxForward(long x, long y, int rows, int cols, int log) {
        return AgCuda.ag_cuda_softmax_forward(x, y, rows, cols, log);
    }

    @Override
    protected int nChannelAffineForward(long x, long scale, long shift, long y, int n, int c, int h, int w, int relu) {
        return AgCuda.ag_cuda_channel_affine_forward(x, scale, shift, y, n, c, h, w, relu);
    }
}
