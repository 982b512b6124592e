package org.autogan4j.nativeapi;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.annotation.Cast;
import org.bytedeco.javacpp.annotation.CriticalRegion;
import org.bytedeco.javacpp.annotation.NoException;
import org.bytedeco.javacpp.annotation.Platform;

/**
 * JavaCPP binding of the CPU kernel library (native/cpu, built by CMake as libag_cpu.a): one static
 * native method per entry point of native/include/ag/kernels.h, same name and parameters. Pointers
 * travel as {@code long} addresses; nothing here validates anything (org.autogan4j.tensor.Backend
 * does, before calling).
 */
@NoException
@Platform(include = "ag/kernels.h", link = "ag_cpu")
public final class AgCpu {
    static {
        Loader.load();
    }

    private AgCpu() {
    }

    public static native String ag_last_error();
    public static native int ag_version();
    public static native int ag_set_cpu_threads(int n);
    public static native int ag_get_cpu_threads(int[] n);
    public static native int ag_cpu_alloc(long bytes, @Cast("int64_t*") long[] address);
    public static native int ag_cpu_free(long address);
    @CriticalRegion public static native int ag_cpu_upload(@Cast("float*") long dst, float[] host, long n);
    public static native int ag_cpu_upload(@Cast("float*") long dst, @Cast("const float*") long host, long n);
    @CriticalRegion public static native int ag_cpu_download(float[] host, @Cast("const float*") long src, long n);
    public static native int ag_cpu_download(@Cast("float*") long host, @Cast("const float*") long src, long n);
    public static native int ag_cpu_synchronize();
    public static native int ag_cpu_fill(@Cast("float*") long y, long n, float value);
    public static native int ag_cpu_copy(@Cast("float*") long y, @Cast("const float*") long x, long n);
    public static native int ag_cpu_axpy(@Cast("float*") long y, @Cast("const float*") long x, long n, float alpha);
    public static native int ag_cpu_add(@Cast("float*") long y, @Cast("const float*") long a, @Cast("const float*") long b, long n);
    public static native int ag_cpu_scale(@Cast("float*") long y, long n, float alpha);
    public static native int ag_cpu_relu_forward(@Cast("float*") long y, @Cast("const float*") long x, long n);
    public static native int ag_cpu_relu_backward(@Cast("float*") long dx, @Cast("const float*") long dy, @Cast("const float*") long y, long n);
    public static native int ag_cpu_tanh_forward(@Cast("float*") long y, @Cast("const float*") long x, long n);
    public static native int ag_cpu_tanh_backward(@Cast("float*") long dx, @Cast("const float*") long dy, @Cast("const float*") long y, long n);
    public static native int ag_cpu_rng_uniform(@Cast("float*") long y, long n, @Cast("uint64_t") long seed, @Cast("uint64_t") long offset, float low, float high);
    public static native int ag_cpu_rng_normal(@Cast("float*") long y, long n, @Cast("uint64_t") long seed, @Cast("uint64_t") long offset, float mean, float std);
    public static native int ag_cpu_gemm(int transA, int transB, int m, int n, int k, float alpha, @Cast("const float*") long a, int lda, @Cast("const float*") long b, int ldb, float beta, @Cast("float*") long c, int ldc);
    public static native int ag_cpu_linear_forward(@Cast("const float*") long x, @Cast("const float*") long weight, @Cast("const float*") long bias, @Cast("float*") long y, int n, int in, int out);
    public static native int ag_cpu_linear_backward_data(@Cast("const float*") long dy, @Cast("const float*") long weight, @Cast("float*") long dx, int n, int in, int out);
    public static native int ag_cpu_linear_backward_weight(@Cast("const float*") long x, @Cast("const float*") long dy, @Cast("float*") long weightGrad, @Cast("float*") long biasGrad, int n, int in, int out);
    public static native int ag_cpu_conv2d_forward(@Cast("const float*") long x, @Cast("const float*") long weight, @Cast("const float*") long bias, @Cast("float*") long y, int n, int c, int h, int w, int k, int kh, int kw, int sh, int sw, int ph, int pw);
    public static native int ag_cpu_conv2d_backward_data(@Cast("const float*") long dy, @Cast("const float*") long weight, @Cast("float*") long dx, int n, int c, int h, int w, int k, int kh, int kw, int sh, int sw, int ph, int pw);
    public static native int ag_cpu_conv2d_backward_weight(@Cast("const float*") long x, @Cast("const float*") long dy, @Cast("float*") long weightGrad, @Cast("float*") long biasGrad, int n, int c, int h, int w, int k, int kh, int kw, int sh, int sw, int ph, int pw);
    public static native int ag_cpu_conv_transpose2d_forward(@Cast("const float*") long x, @Cast("const float*") long weight, @Cast("const float*") long bias, @Cast("float*") long y, int n, int c, int h, int w, int k);
    public static native int ag_cpu_conv_transpose2d_backward_data(@Cast("const float*") long dy, @Cast("const float*") long weight, @Cast("float*") long dx, int n, int c, int h, int w, int k);
    public static native int ag_cpu_conv_transpose2d_backward_weight(@Cast("const float*") long x, @Cast("const float*") long dy, @Cast("float*") long weightGrad, @Cast("float*") long biasGrad, int n, int c, int h, int w, int k);
    public static native int ag_cpu_upsample_forward(@Cast("const float*") long x, @Cast("float*") long y, int n, int c, int h, int w, int outH, int outW, int mode);
    public static native int ag_cpu_upsample_backward(@Cast("const float*") long dy, @Cast("float*") long dx, int n, int c, int h, int w, int outH, int outW, int mode);
    public static native int ag_cpu_batch_norm2d_forward_train(@Cast("const float*") long x, @Cast("const float*") long gamma, @Cast("const float*") long beta, @Cast("float*") long y, @Cast("float*") long saveMean, @Cast("float*") long saveInvStd, @Cast("float*") long runningMean, @Cast("float*") long runningVar, int n, int c, int h, int w, float eps, float momentum);
    public static native int ag_cpu_batch_norm2d_forward_eval(@Cast("const float*") long x, @Cast("const float*") long gamma, @Cast("const float*") long beta, @Cast("const float*") long runningMean, @Cast("const float*") long runningVar, @Cast("float*") long y, int n, int c, int h, int w, float eps);
    public static native int ag_cpu_batch_norm2d_backward(@Cast("const float*") long x, @Cast("const float*") long dy, @Cast("const float*") long gamma, @Cast("const float*") long saveMean, @Cast("const float*") long saveInvStd, @Cast("float*") long dx, @Cast("float*") long gammaGrad, @Cast("float*") long betaGrad, int n, int c, int h, int w);
    public static native int ag_cpu_instance_norm2d_forward(@Cast("const float*") long x, @Cast("float*") long y, @Cast("float*") long saveMean, @Cast("float*") long saveInvStd, int n, int c, int h, int w, float eps);
    public static native int ag_cpu_instance_norm2d_backward(@Cast("const float*") long x, @Cast("const float*") long dy, @Cast("const float*") long saveMean, @Cast("const float*") long saveInvStd, @Cast("float*") long dx, int n, int c, int h, int w);
    public static native int ag_cpu_avg_pool2d_forward(@Cast("const float*") long x, @Cast("float*") long y, int n, int c, int h, int w);
    public static native int ag_cpu_avg_pool2d_backward(@Cast("const float*") long dy, @Cast("float*") long dx, int n, int c, int h, int w);
    public static native int ag_cpu_sum_hw_forward(@Cast("const float*") long x, @Cast("float*") long y, int n, int c, int h, int w);
    public static native int ag_cpu_sum_hw_backward(@Cast("const float*") long dy, @Cast("float*") long dx, int n, int c, int h, int w);
    public static native int ag_cpu_hinge_loss_forward(@Cast("const float*") long x, @Cast("float*") long loss, int n, int kind);
    public static native int ag_cpu_hinge_loss_backward(@Cast("const float*") long x, @Cast("float*") long dx, int n, int kind);
    public static native int ag_cpu_spectral_norm_forward(@Cast("const float*") long weight, @Cast("float*") long u, @Cast("float*") long v, @Cast("float*") long weightSn, @Cast("float*") long sigma, int rows, int cols, int update, float eps);
    public static native int ag_cpu_spectral_norm_backward(@Cast("const float*") long weight, @Cast("const float*") long u, @Cast("const float*") long v, @Cast("const float*") long sigma, @Cast("const float*") long weightSnGrad, @Cast("float*") long weightGrad, int rows, int cols);
    public static native int ag_cpu_adam_step(@Cast("float*") long param, @Cast("const float*") long grad, @Cast("float*") long m, @Cast("float*") long v, long n, float lr, float beta1, float beta2, float eps, int step);
    public static native int ag_cpu_ema_update(@Cast("float*") long avg, @Cast("const float*") long x, long n, float decay);
    public static native int ag_cpu_max_pool2d_forward(@Cast("const float*") long x, @Cast("float*") long y, int n, int c, int h, int w, int kernel, int stride, int pad);
    public static native int ag_cpu_avg_pool2d_window_forward(@Cast("const float*") long x, @Cast("float*") long y, int n, int c, int h, int w, int kernel, int stride, int pad, int countIncludePad);
    public static native int ag_cpu_adaptive_avg_pool2d_forward(@Cast("const float*") long x, @Cast("float*") long y, int n, int c, int h, int w);
    public static native int ag_cpu_copy_channels(@Cast("const float*") long x, @Cast("float*") long y, int n, int cx, int h, int w, int cy, int offset);
    public static native int ag_cpu_softmax_forward(@Cast("const float*") long x, @Cast("float*") long y, int rows, int cols, int log);
    public static native int ag_cpu_channel_affine_forward(@Cast("const float*") long x, @Cast("const float*") long scale, @Cast("const float*") long shift, @Cast("float*") long y, int n, int c, int h, int w, int relu);
}
