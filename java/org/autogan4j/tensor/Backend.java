package org.autogan4j.tensor;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One method per kernel of the C API (native/include/ag/kernels.h), on tensors of one device.
 * Each method checks its arguments (presence, device, open, shapes) BEFORE the native call, derives
 * the kernel's dimensions from the tensors' shapes, and turns an error status into a
 * {@link NativeException}. Gradient policy as in kernels.h: parameter gradients accumulate, input
 * gradients are overwritten. {@link CpuBackend} and {@link CudaBackend} supply the native calls.
 */
public abstract class Backend {
    private final Device device;
    private final AtomicLong liveBytes = new AtomicLong();

    protected Backend(Device device) {
        this.device = device;
    }

    public Device device() {
        return device;
    }

    /** The library's message for the last failed call on this thread. */
    protected abstract String lastError();

    private void check(int status, String op) {
        if (status != 0) {
            throw new NativeException(status, op, lastError());
        }
    }

    private TensorChecks checks(String op) {
        return new TensorChecks(op, device);
    }

    // ---- memory ----------------------------------------------------------------------------

    long allocate(long bytes) {
        long[] address = new long[1];
        check(nAlloc(bytes, address), "allocate " + bytes + " bytes on " + device);
        liveBytes.addAndGet(bytes);
        return address[0];
    }

    void free(long address, long bytes) {
        check(nFree(address), "free");
        liveBytes.addAndGet(-bytes);
    }

    /** Bytes held by tensors of this device that are not closed yet (leak checks, memory reports). */
    public long liveBytes() {
        return liveBytes.get();
    }

    void upload(Tensor dst, float[] host) {
        check(nUpload(checks("upload").open(dst, "dst"), host, host.length), "upload");
    }

    void download(float[] host, Tensor src) {
        check(nDownload(host, checks("download").open(src, "src"), host.length), "download");
    }

    /** Copies src into dst (same element count), across devices where they differ. */
    static void copyAcross(Tensor src, Tensor dst) {
        TensorChecks c = new TensorChecks("copy", dst.device());
        c.open(dst, "dst");
        if (src == null) {
            throw new IllegalArgumentException("copy: src must not be null");
        }
        new TensorChecks("copy", src.device()).open(src, "src");
        c.require(src.numel() == dst.numel(), "src " + src.shape() + " and dst " + dst.shape()
                + " must have the same number of elements");
        Backend to = dst.backend();
        Backend from = src.backend();
        if (src.device() == dst.device()) {
            to.check(to.nCopy(dst.address(), src.address(), dst.numel()), "copy");
        } else if (src.device() == Device.CPU) {
            to.check(to.nUpload(dst.address(), src.address(), dst.numel()), "copy CPU -> " + dst.device());
        } else {
            from.check(from.nDownload(dst.address(), src.address(), dst.numel()), "copy " + src.device() + " -> CPU");
        }
    }

    /** Waits for every queued kernel of this device. */
    public void synchronize() {
        check(nSynchronize(), "synchronize");
    }

    // ---- elementwise -----------------------------------------------------------------------

    public void fill(Tensor y, float value) {
        check(nFill(checks("fill").open(y, "y"), y.numel(), value), "fill");
    }

    /** y = x (same element count). */
    public void copy(Tensor y, Tensor x) {
        TensorChecks c = checks("copy");
        long yAddress = c.open(y, "y");
        long xAddress = c.open(x, "x");
        c.sameCount(y, "y", x, "x");
        check(nCopy(yAddress, xAddress, y.numel()), "copy");
    }

    /** y += alpha * x. */
    public void axpy(Tensor y, Tensor x, float alpha) {
        TensorChecks c = checks("axpy");
        long yAddress = c.open(y, "y");
        long xAddress = c.open(x, "x");
        c.sameCount(y, "y", x, "x");
        check(nAxpy(yAddress, xAddress, y.numel(), alpha), "axpy");
    }

    /** y = a + b; y may be a or b. */
    public void add(Tensor y, Tensor a, Tensor b) {
        TensorChecks c = checks("add");
        long yAddress = c.open(y, "y");
        long aAddress = c.open(a, "a");
        long bAddress = c.open(b, "b");
        c.sameCount(y, "y", a, "a");
        c.sameCount(y, "y", b, "b");
        check(nAdd(yAddress, aAddress, bAddress, y.numel()), "add");
    }

    /** y *= alpha. */
    public void scale(Tensor y, float alpha) {
        check(nScale(checks("scale").open(y, "y"), y.numel(), alpha), "scale");
    }

    public void reluForward(Tensor x, Tensor y) {
        TensorChecks c = checks("reluForward");
        long xAddress = c.open(x, "x");
        long yAddress = c.open(y, "y");
        c.sameCount(y, "y", x, "x");
        check(nReluForward(yAddress, xAddress, y.numel()), "reluForward");
    }

    /** dx = dy * (y > 0), y the forward output. */
    public void reluBackward(Tensor dy, Tensor y, Tensor dx) {
        TensorChecks c = checks("reluBackward");
        long dyAddress = c.open(dy, "dy");
        long yAddress = c.open(y, "y");
        long dxAddress = c.open(dx, "dx");
        c.sameCount(dy, "dy", y, "y");
        c.sameCount(dx, "dx", y, "y");
        check(nReluBackward(dxAddress, dyAddress, yAddress, y.numel()), "reluBackward");
    }

    public void tanhForward(Tensor x, Tensor y) {
        TensorChecks c = checks("tanhForward");
        long xAddress = c.open(x, "x");
        long yAddress = c.open(y, "y");
        c.sameCount(y, "y", x, "x");
        check(nTanhForward(yAddress, xAddress, y.numel()), "tanhForward");
    }

    /** dx = dy * (1 - y^2), y the forward output. */
    public void tanhBackward(Tensor dy, Tensor y, Tensor dx) {
        TensorChecks c = checks("tanhBackward");
        long dyAddress = c.open(dy, "dy");
        long yAddress = c.open(y, "y");
        long dxAddress = c.open(dx, "dx");
        c.sameCount(dy, "dy", y, "y");
        c.sameCount(dx, "dx", y, "y");
        check(nTanhBackward(dxAddress, dyAddress, yAddress, y.numel()), "tanhBackward");
    }

    // ---- random numbers --------------------------------------------------------------------

    /** Uniform [low, high) from the Philox stream (seed, offset); the same numbers on every device. */
    public void rngUniform(Tensor y, long seed, long offset, float low, float high) {
        TensorChecks c = checks("rngUniform");
        c.require(low <= high, "low = " + low + " must be <= high = " + high);
        check(nRngUniform(c.open(y, "y"), y.numel(), seed, offset, low, high), "rngUniform");
    }

    /** Normal(mean, std) from the Philox stream (seed, offset); the same numbers on every device. */
    public void rngNormal(Tensor y, long seed, long offset, float mean, float std) {
        TensorChecks c = checks("rngNormal");
        c.require(std >= 0, "std = " + std + " must be >= 0");
        check(nRngNormal(c.open(y, "y"), y.numel(), seed, offset, mean, std), "rngNormal");
    }

    // ---- GEMM and linear -------------------------------------------------------------------

    /** c (m,n) = alpha * op(a) op(b) + beta * c on 2-D tensors; op transposes when asked. */
    public void gemm(boolean transA, boolean transB, float alpha, Tensor a, Tensor b, float beta, Tensor c) {
        TensorChecks k = checks("gemm");
        long aAddress = k.open(a, "a");
        long bAddress = k.open(b, "b");
        long cAddress = k.open(c, "c");
        int[] ad = k.rank(a, "a", 2, "(rows, cols)");
        int[] bd = k.rank(b, "b", 2, "(rows, cols)");
        int[] cd = k.rank(c, "c", 2, "(m, n)");
        int m = transA ? ad[1] : ad[0];
        int depth = transA ? ad[0] : ad[1];
        int n = transB ? bd[0] : bd[1];
        k.require((transB ? bd[1] : bd[0]) == depth, "op(a) is " + m + "x" + depth + " but op(b) is "
                + (transB ? bd[1] : bd[0]) + "x" + n);
        k.shape(c, "c", "(m, n)", m, n);
        check(nGemm(transA ? 1 : 0, transB ? 1 : 0, m, n, depth, alpha, aAddress, ad[1], bAddress, bd[1], beta,
                cAddress, cd[1]), "gemm");
    }

    /** x (n,in), weight (out,in), bias (out) or null -> y (n,out). */
    public void linearForward(Tensor x, Tensor weight, Tensor bias, Tensor y) {
        TensorChecks c = checks("linearForward");
        int[] wd = c.rank(weight, "weight", 2, "(out, in)");
        int n = c.rank(x, "x", 2, "(n, in)")[0];
        c.shape(x, "x", "(n, in)", n, wd[1]);
        if (bias != null) {
            c.shape(bias, "bias", "(out)", wd[0]);
        }
        c.shape(y, "y", "(n, out)", n, wd[0]);
        check(nLinearForward(c.open(x, "x"), c.open(weight, "weight"), c.optional(bias, "bias"), c.open(y, "y"), n,
                wd[1], wd[0]), "linearForward");
    }

    /** dy (n,out), weight (out,in) -> dx (n,in). */
    public void linearBackwardData(Tensor dy, Tensor weight, Tensor dx) {
        TensorChecks c = checks("linearBackwardData");
        int[] wd = c.rank(weight, "weight", 2, "(out, in)");
        int n = c.rank(dy, "dy", 2, "(n, out)")[0];
        c.shape(dy, "dy", "(n, out)", n, wd[0]);
        c.shape(dx, "dx", "(n, in)", n, wd[1]);
        check(nLinearBackwardData(c.open(dy, "dy"), c.open(weight, "weight"), c.open(dx, "dx"), n, wd[1], wd[0]),
                "linearBackwardData");
    }

    /** x (n,in), dy (n,out) -> weightGrad (out,in) +=, biasGrad (out) += (or null). */
    public void linearBackwardWeight(Tensor x, Tensor dy, Tensor weightGrad, Tensor biasGrad) {
        TensorChecks c = checks("linearBackwardWeight");
        int[] xd = c.rank(x, "x", 2, "(n, in)");
        int out = c.rank(dy, "dy", 2, "(n, out)")[1];
        c.shape(dy, "dy", "(n, out)", xd[0], out);
        c.shape(weightGrad, "weightGrad", "(out, in)", out, xd[1]);
        if (biasGrad != null) {
            c.shape(biasGrad, "biasGrad", "(out)", out);
        }
        check(nLinearBackwardWeight(c.open(x, "x"), c.open(dy, "dy"), c.open(weightGrad, "weightGrad"),
                c.optional(biasGrad, "biasGrad"), xd[0], xd[1], out), "linearBackwardWeight");
    }

    // ---- convolutions ----------------------------------------------------------------------

    /**
     * The (n, c, h, w, k, kh, kw, p, q) of a conv from x (n,c,h,w) and weight (k,c,kh,kw) at stride sh x sw,
     * padding ph x pw: p = (h + 2 ph - kh) / sh + 1, q = (w + 2 pw - kw) / sw + 1.
     */
    private static int[] convDims(TensorChecks c, Tensor x, String xName, Tensor weight, int sh, int sw, int ph,
                                  int pw) {
        int[] xd = c.rank(x, xName, 4, "(n, c, h, w)");
        int[] wd = c.rank(weight, "weight", 4, "(k, c, kh, kw)");
        c.require(wd[1] == xd[1], xName + " has " + xd[1] + " channels but weight " + weight.shape() + " expects "
                + wd[1]);
        c.require(sh >= 1 && sw >= 1, "stride " + sh + "x" + sw + " must be >= 1 along both axes");
        c.require(ph >= 0 && pw >= 0, "padding " + ph + "x" + pw + " must be >= 0 along both axes");
        long paddedH = xd[2] + 2L * ph;
        long paddedW = xd[3] + 2L * pw;
        c.require(paddedH >= wd[2] && paddedW >= wd[3] && paddedH <= Integer.MAX_VALUE
                && paddedW <= Integer.MAX_VALUE, "kernel " + wd[2] + "x" + wd[3] + " with padding " + ph + "x" + pw
                + " does not fit " + x.shape() + "; pad more or use a smaller kernel");
        int p = (int) ((paddedH - wd[2]) / sh + 1);
        int q = (int) ((paddedW - wd[3]) / sw + 1);
        return new int[] {xd[0], xd[1], xd[2], xd[3], wd[0], wd[2], wd[3], p, q};
    }

    /**
     * x (n,c,h,w), weight (k,c,kh,kw), bias (k) or null -> y (n,k,p,q) at stride sh x sw, zero padding ph x pw:
     * p = (h + 2 ph - kh) / sh + 1, q = (w + 2 pw - kw) / sw + 1. The kernel size is the weight's.
     */
    public void conv2dForward(Tensor x, Tensor weight, Tensor bias, Tensor y, int sh, int sw, int ph, int pw) {
        TensorChecks c = checks("conv2dForward");
        int[] d = convDims(c, x, "x", weight, sh, sw, ph, pw);
        if (bias != null) {
            c.shape(bias, "bias", "(k)", d[4]);
        }
        c.shape(y, "y", "(n, k, p, q)", d[0], d[4], d[7], d[8]);
        check(nConv2dForward(c.open(x, "x"), c.open(weight, "weight"), c.optional(bias, "bias"), c.open(y, "y"),
                d[0], d[1], d[2], d[3], d[4], d[5], d[6], sh, sw, ph, pw), "conv2dForward");
    }

    /** dy (n,k,p,q), weight (k,c,kh,kw) -> dx (n,c,h,w) of the conv2dForward with this stride and padding. */
    public void conv2dBackwardData(Tensor dy, Tensor weight, Tensor dx, int sh, int sw, int ph, int pw) {
        TensorChecks c = checks("conv2dBackwardData");
        int[] d = convDims(c, dx, "dx", weight, sh, sw, ph, pw);
        c.shape(dy, "dy", "(n, k, p, q)", d[0], d[4], d[7], d[8]);
        check(nConv2dBackwardData(c.open(dy, "dy"), c.open(weight, "weight"), c.open(dx, "dx"), d[0], d[1], d[2],
                d[3], d[4], d[5], d[6], sh, sw, ph, pw), "conv2dBackwardData");
    }

    /**
     * x (n,c,h,w), dy (n,k,p,q) -> weightGrad (k,c,kh,kw) +=, biasGrad (k) += (or null), of the conv2dForward
     * with this stride and padding.
     */
    public void conv2dBackwardWeight(Tensor x, Tensor dy, Tensor weightGrad, Tensor biasGrad, int sh, int sw, int ph,
                                     int pw) {
        TensorChecks c = checks("conv2dBackwardWeight");
        int[] d = convDims(c, x, "x", weightGrad, sh, sw, ph, pw);
        c.shape(dy, "dy", "(n, k, p, q)", d[0], d[4], d[7], d[8]);
        if (biasGrad != null) {
            c.shape(biasGrad, "biasGrad", "(k)", d[4]);
        }
        check(nConv2dBackwardWeight(c.open(x, "x"), c.open(dy, "dy"), c.open(weightGrad, "weightGrad"),
                c.optional(biasGrad, "biasGrad"), d[0], d[1], d[2], d[3], d[4], d[5], d[6], sh, sw, ph, pw),
                "conv2dBackwardWeight");
    }

    /** The (n, c, h, w, k) of a k2 s2 transposed conv from x (n,c,h,w) and weight (c,k,2,2). */
    private static int[] deconvDims(TensorChecks c, Tensor x, String xName, Tensor weight) {
        int[] xd = c.rank(x, xName, 4, "(n, c, h, w)");
        int[] wd = c.rank(weight, "weight", 4, "(c, k, 2, 2)");
        c.shape(weight, "weight", "(c, k, 2, 2)", xd[1], wd[1], 2, 2);
        return new int[] {xd[0], xd[1], xd[2], xd[3], wd[1]};
    }

    /** x (n,c,h,w), weight (c,k,2,2), bias (k) or null -> y (n,k,2h,2w). */
    public void convTranspose2dForward(Tensor x, Tensor weight, Tensor bias, Tensor y) {
        TensorChecks c = checks("convTranspose2dForward");
        int[] d = deconvDims(c, x, "x", weight);
        if (bias != null) {
            c.shape(bias, "bias", "(k)", d[4]);
        }
        c.shape(y, "y", "(n, k, 2h, 2w)", d[0], d[4], 2 * d[2], 2 * d[3]);
        check(nConvTranspose2dForward(c.open(x, "x"), c.open(weight, "weight"), c.optional(bias, "bias"),
                c.open(y, "y"), d[0], d[1], d[2], d[3], d[4]), "convTranspose2dForward");
    }

    /** dy (n,k,2h,2w), weight (c,k,2,2) -> dx (n,c,h,w). */
    public void convTranspose2dBackwardData(Tensor dy, Tensor weight, Tensor dx) {
        TensorChecks c = checks("convTranspose2dBackwardData");
        int[] d = deconvDims(c, dx, "dx", weight);
        c.shape(dy, "dy", "(n, k, 2h, 2w)", d[0], d[4], 2 * d[2], 2 * d[3]);
        check(nConvTranspose2dBackwardData(c.open(dy, "dy"), c.open(weight, "weight"), c.open(dx, "dx"), d[0], d[1],
                d[2], d[3], d[4]), "convTranspose2dBackwardData");
    }

    /** x (n,c,h,w), dy (n,k,2h,2w) -> weightGrad (c,k,2,2) +=, biasGrad (k) += (or null). */
    public void convTranspose2dBackwardWeight(Tensor x, Tensor dy, Tensor weightGrad, Tensor biasGrad) {
        TensorChecks c = checks("convTranspose2dBackwardWeight");
        int[] d = deconvDims(c, x, "x", weightGrad);
        c.shape(dy, "dy", "(n, k, 2h, 2w)", d[0], d[4], 2 * d[2], 2 * d[3]);
        if (biasGrad != null) {
            c.shape(biasGrad, "biasGrad", "(k)", d[4]);
        }
        check(nConvTranspose2dBackwardWeight(c.open(x, "x"), c.open(dy, "dy"), c.open(weightGrad, "weightGrad"),
                c.optional(biasGrad, "biasGrad"), d[0], d[1], d[2], d[3], d[4]), "convTranspose2dBackwardWeight");
    }

    // ---- resampling, pooling, reductions ---------------------------------------------------

    /** x (n,c,h,w) -> y (n,c,outH,outW), any output size. */
    public void upsampleForward(Tensor x, Tensor y, UpsampleMode mode) {
        TensorChecks c = checks("upsampleForward");
        int[] xd = c.rank(x, "x", 4, "(n, c, h, w)");
        int[] yd = c.rank(y, "y", 4, "(n, c, outH, outW)");
        c.shape(y, "y", "(n, c, outH, outW)", xd[0], xd[1], yd[2], yd[3]);
        check(nUpsampleForward(c.open(x, "x"), c.open(y, "y"), xd[0], xd[1], xd[2], xd[3], yd[2], yd[3],
                mode.code()), "upsampleForward");
    }

    /** dy (n,c,outH,outW) -> dx (n,c,h,w). */
    public void upsampleBackward(Tensor dy, Tensor dx, UpsampleMode mode) {
        TensorChecks c = checks("upsampleBackward");
        int[] xd = c.rank(dx, "dx", 4, "(n, c, h, w)");
        int[] yd = c.rank(dy, "dy", 4, "(n, c, outH, outW)");
        c.shape(dy, "dy", "(n, c, outH, outW)", xd[0], xd[1], yd[2], yd[3]);
        check(nUpsampleBackward(c.open(dy, "dy"), c.open(dx, "dx"), xd[0], xd[1], xd[2], xd[3], yd[2], yd[3],
                mode.code()), "upsampleBackward");
    }

    /** 2x2 average pooling, stride 2: x (n,c,h,w), h and w even -> y (n,c,h/2,w/2). */
    public void avgPool2dForward(Tensor x, Tensor y) {
        TensorChecks c = checks("avgPool2dForward");
        int[] d = c.rank(x, "x", 4, "(n, c, h, w)");
        c.require(d[2] % 2 == 0 && d[3] % 2 == 0, "x " + x.shape() + " needs even h and w");
        c.shape(y, "y", "(n, c, h/2, w/2)", d[0], d[1], d[2] / 2, d[3] / 2);
        check(nAvgPool2dForward(c.open(x, "x"), c.open(y, "y"), d[0], d[1], d[2], d[3]), "avgPool2dForward");
    }

    /** dy (n,c,h/2,w/2) -> dx (n,c,h,w). */
    public void avgPool2dBackward(Tensor dy, Tensor dx) {
        TensorChecks c = checks("avgPool2dBackward");
        int[] d = c.rank(dx, "dx", 4, "(n, c, h, w)");
        c.require(d[2] % 2 == 0 && d[3] % 2 == 0, "dx " + dx.shape() + " needs even h and w");
        c.shape(dy, "dy", "(n, c, h/2, w/2)", d[0], d[1], d[2] / 2, d[3] / 2);
        check(nAvgPool2dBackward(c.open(dy, "dy"), c.open(dx, "dx"), d[0], d[1], d[2], d[3]), "avgPool2dBackward");
    }

    /** Sum over H and W: x (n,c,h,w) -> y (n,c). */
    public void sumHwForward(Tensor x, Tensor y) {
        TensorChecks c = checks("sumHwForward");
        int[] d = c.rank(x, "x", 4, "(n, c, h, w)");
        c.shape(y, "y", "(n, c)", d[0], d[1]);
        check(nSumHwForward(c.open(x, "x"), c.open(y, "y"), d[0], d[1], d[2], d[3]), "sumHwForward");
    }

    /** dy (n,c) -> dx (n,c,h,w), dy broadcast. */
    public void sumHwBackward(Tensor dy, Tensor dx) {
        TensorChecks c = checks("sumHwBackward");
        int[] d = c.rank(dx, "dx", 4, "(n, c, h, w)");
        c.shape(dy, "dy", "(n, c)", d[0], d[1]);
        check(nSumHwBackward(c.open(dy, "dy"), c.open(dx, "dx"), d[0], d[1], d[2], d[3]), "sumHwBackward");
    }

    // ---- normalisation ---------------------------------------------------------------------

    private static int[] channelDims(TensorChecks c, Tensor x, String name) {
        return c.rank(x, name, 4, "(n, c, h, w)");
    }

    /** Training batch norm; runningMean/runningVar both null (no tracking) or both (c). */
    public void batchNorm2dForwardTrain(Tensor x, Tensor gamma, Tensor beta, Tensor y, Tensor saveMean,
            Tensor saveInvStd, Tensor runningMean, Tensor runningVar, float eps, float momentum) {
        TensorChecks c = checks("batchNorm2dForwardTrain");
        int[] d = channelDims(c, x, "x");
        c.require(d[0] * (long) d[2] * d[3] > 1, "needs more than one value per channel, got x " + x.shape());
        c.require((runningMean == null) == (runningVar == null), "runningMean and runningVar must both be set or "
                + "both be null");
        c.shape(gamma, "gamma", "(c)", d[1]);
        c.shape(beta, "beta", "(c)", d[1]);
        c.shape(saveMean, "saveMean", "(c)", d[1]);
        c.shape(saveInvStd, "saveInvStd", "(c)", d[1]);
        if (runningMean != null) {
            c.shape(runningMean, "runningMean", "(c)", d[1]);
            c.shape(runningVar, "runningVar", "(c)", d[1]);
        }
        c.shape(y, "y", "(n, c, h, w)", d);
        check(nBatchNorm2dForwardTrain(c.open(x, "x"), c.open(gamma, "gamma"), c.open(beta, "beta"), c.open(y, "y"),
                c.open(saveMean, "saveMean"), c.open(saveInvStd, "saveInvStd"), c.optional(runningMean, "runningMean"),
                c.optional(runningVar, "runningVar"), d[0], d[1], d[2], d[3], eps, momentum),
                "batchNorm2dForwardTrain");
    }

    /** Evaluation batch norm with the running statistics. */
    public void batchNorm2dForwardEval(Tensor x, Tensor gamma, Tensor beta, Tensor runningMean, Tensor runningVar,
            Tensor y, float eps) {
        TensorChecks c = checks("batchNorm2dForwardEval");
        int[] d = channelDims(c, x, "x");
        c.shape(gamma, "gamma", "(c)", d[1]);
        c.shape(beta, "beta", "(c)", d[1]);
        c.shape(runningMean, "runningMean", "(c)", d[1]);
        c.shape(runningVar, "runningVar", "(c)", d[1]);
        c.shape(y, "y", "(n, c, h, w)", d);
        check(nBatchNorm2dForwardEval(c.open(x, "x"), c.open(gamma, "gamma"), c.open(beta, "beta"),
                c.open(runningMean, "runningMean"), c.open(runningVar, "runningVar"), c.open(y, "y"), d[0], d[1], d[2],
                d[3], eps), "batchNorm2dForwardEval");
    }

    /** Training batch norm backward: dx =, gammaGrad +=, betaGrad +=. */
    public void batchNorm2dBackward(Tensor x, Tensor dy, Tensor gamma, Tensor saveMean, Tensor saveInvStd, Tensor dx,
            Tensor gammaGrad, Tensor betaGrad) {
        TensorChecks c = checks("batchNorm2dBackward");
        int[] d = channelDims(c, x, "x");
        c.shape(dy, "dy", "(n, c, h, w)", d);
        c.shape(dx, "dx", "(n, c, h, w)", d);
        c.shape(gamma, "gamma", "(c)", d[1]);
        c.shape(saveMean, "saveMean", "(c)", d[1]);
        c.shape(saveInvStd, "saveInvStd", "(c)", d[1]);
        c.shape(gammaGrad, "gammaGrad", "(c)", d[1]);
        c.shape(betaGrad, "betaGrad", "(c)", d[1]);
        check(nBatchNorm2dBackward(c.open(x, "x"), c.open(dy, "dy"), c.open(gamma, "gamma"),
                c.open(saveMean, "saveMean"), c.open(saveInvStd, "saveInvStd"), c.open(dx, "dx"),
                c.open(gammaGrad, "gammaGrad"), c.open(betaGrad, "betaGrad"), d[0], d[1], d[2], d[3]),
                "batchNorm2dBackward");
    }

    /** Instance norm: x (n,c,h,w) -> y, saveMean (n,c), saveInvStd (n,c). */
    public void instanceNorm2dForward(Tensor x, Tensor y, Tensor saveMean, Tensor saveInvStd, float eps) {
        TensorChecks c = checks("instanceNorm2dForward");
        int[] d = channelDims(c, x, "x");
        c.shape(y, "y", "(n, c, h, w)", d);
        c.shape(saveMean, "saveMean", "(n, c)", d[0], d[1]);
        c.shape(saveInvStd, "saveInvStd", "(n, c)", d[0], d[1]);
        check(nInstanceNorm2dForward(c.open(x, "x"), c.open(y, "y"), c.open(saveMean, "saveMean"),
                c.open(saveInvStd, "saveInvStd"), d[0], d[1], d[2], d[3], eps), "instanceNorm2dForward");
    }

    public void instanceNorm2dBackward(Tensor x, Tensor dy, Tensor saveMean, Tensor saveInvStd, Tensor dx) {
        TensorChecks c = checks("instanceNorm2dBackward");
        int[] d = channelDims(c, x, "x");
        c.shape(dy, "dy", "(n, c, h, w)", d);
        c.shape(dx, "dx", "(n, c, h, w)", d);
        c.shape(saveMean, "saveMean", "(n, c)", d[0], d[1]);
        c.shape(saveInvStd, "saveInvStd", "(n, c)", d[0], d[1]);
        check(nInstanceNorm2dBackward(c.open(x, "x"), c.open(dy, "dy"), c.open(saveMean, "saveMean"),
                c.open(saveInvStd, "saveInvStd"), c.open(dx, "dx"), d[0], d[1], d[2], d[3]), "instanceNorm2dBackward");
    }

    // ---- losses ----------------------------------------------------------------------------

    /** x (any shape, n scores) -> loss (1). */
    public void hingeLossForward(Tensor x, Tensor loss, HingeKind kind) {
        TensorChecks c = checks("hingeLossForward");
        c.open(x, "x");
        c.shape(loss, "loss", "(1)", 1);
        check(nHingeLossForward(c.open(x, "x"), c.open(loss, "loss"), x.shape().numelAsInt("x"), kind.code()),
                "hingeLossForward");
    }

    /** x (n scores) -> dx = d loss / dx. */
    public void hingeLossBackward(Tensor x, Tensor dx, HingeKind kind) {
        TensorChecks c = checks("hingeLossBackward");
        long xAddress = c.open(x, "x");
        c.sameCount(x, "x", dx, "dx");
        check(nHingeLossBackward(xAddress, c.open(dx, "dx"), x.shape().numelAsInt("x"), kind.code()),
                "hingeLossBackward");
    }

    // ---- spectral norm ---------------------------------------------------------------------

    /** weight (out, ...) as (rows = out, cols = rest); u (rows), v (cols) updated when update. */
    public void spectralNormForward(Tensor weight, Tensor u, Tensor v, Tensor weightSn, Tensor sigma, boolean update,
            float eps) {
        TensorChecks c = checks("spectralNormForward");
        c.open(weight, "weight");
        int rows = weight.dim(0);
        int cols = Math.toIntExact(weight.numel() / rows);
        c.shape(u, "u", "(rows)", rows);
        c.shape(v, "v", "(cols)", cols);
        c.shape(weightSn, "weightSn", "(like weight)", weight.shape().dims());
        c.shape(sigma, "sigma", "(1)", 1);
        check(nSpectralNormForward(c.open(weight, "weight"), c.open(u, "u"), c.open(v, "v"),
                c.open(weightSn, "weightSn"), c.open(sigma, "sigma"), rows, cols, update ? 1 : 0, eps),
                "spectralNormForward");
    }

    /** u, v, sigma constant: weightGrad += d(weight / sigma) / d weight applied to weightSnGrad. */
    public void spectralNormBackward(Tensor weight, Tensor u, Tensor v, Tensor sigma, Tensor weightSnGrad,
            Tensor weightGrad) {
        TensorChecks c = checks("spectralNormBackward");
        c.open(weight, "weight");
        int rows = weight.dim(0);
        int cols = Math.toIntExact(weight.numel() / rows);
        c.shape(u, "u", "(rows)", rows);
        c.shape(v, "v", "(cols)", cols);
        c.shape(sigma, "sigma", "(1)", 1);
        c.shape(weightSnGrad, "weightSnGrad", "(like weight)", weight.shape().dims());
        c.shape(weightGrad, "weightGrad", "(like weight)", weight.shape().dims());
        check(nSpectralNormBackward(c.open(weight, "weight"), c.open(u, "u"), c.open(v, "v"), c.open(sigma, "sigma"),
                c.open(weightSnGrad, "weightSnGrad"), c.open(weightGrad, "weightGrad"), rows, cols),
                "spectralNormBackward");
    }

    // ---- optimisers ------------------------------------------------------------------------

    /** One PyTorch Adam step (no weight decay); step counts from 1. */
    public void adamStep(Tensor param, Tensor grad, Tensor m, Tensor v, float lr, float beta1, float beta2, float eps,
            int step) {
        TensorChecks c = checks("adamStep");
        c.require(step >= 1, "step = " + step + " must be >= 1");
        long paramAddress = c.open(param, "param");
        c.sameCount(param, "param", grad, "grad");
        c.sameCount(param, "param", m, "m");
        c.sameCount(param, "param", v, "v");
        check(nAdamStep(paramAddress, c.open(grad, "grad"), c.open(m, "m"), c.open(v, "v"), param.numel(), lr, beta1,
                beta2, eps, step), "adamStep");
    }

    /** avg = decay * avg + (1 - decay) * x. */
    public void emaUpdate(Tensor avg, Tensor x, float decay) {
        TensorChecks c = checks("emaUpdate");
        long avgAddress = c.open(avg, "avg");
        c.sameCount(avg, "avg", x, "x");
        check(nEmaUpdate(avgAddress, c.open(x, "x"), avg.numel(), decay), "emaUpdate");
    }

    // ---- inference ops of InceptionV3 (IS and FID scoring; forward only) -----------------------

    /** Floor-mode pooled size of one side; checks kernel, stride and pad as PyTorch does. */
    private static int pooledSize(TensorChecks c, int side, int kernel, int stride, int pad) {
        c.require(kernel > 0 && stride > 0, "kernel = " + kernel + " and stride = " + stride + " must be > 0");
        c.require(pad >= 0 && pad <= kernel / 2, "pad = " + pad + " must be in [0, kernel / 2 = " + kernel / 2 + "]");
        c.require(side + 2 * pad >= kernel, "an input side of " + side + " padded by " + pad
                + " is smaller than the kernel " + kernel + "; use a larger input or a smaller kernel");
        return (side + 2 * pad - kernel) / stride + 1;
    }

    /** F.max_pool2d (floor mode): x (n,c,h,w) -> y (n,c,p,q), p = (h + 2 pad - kernel) / stride + 1. */
    public void maxPool2dForward(Tensor x, Tensor y, int kernel, int stride, int pad) {
        TensorChecks c = checks("maxPool2dForward");
        int[] d = c.rank(x, "x", 4, "(n, c, h, w)");
        int p = pooledSize(c, d[2], kernel, stride, pad);
        int q = pooledSize(c, d[3], kernel, stride, pad);
        c.shape(y, "y", "(n, c, p, q)", d[0], d[1], p, q);
        check(nMaxPool2dForward(c.open(x, "x"), c.open(y, "y"), d[0], d[1], d[2], d[3], kernel, stride, pad),
                "maxPool2dForward");
    }

    /** F.avg_pool2d (floor mode, count_include_pad as given): x (n,c,h,w) -> y (n,c,p,q), p as max pooling. */
    public void avgPool2dWindowForward(Tensor x, Tensor y, int kernel, int stride, int pad, boolean countIncludePad) {
        TensorChecks c = checks("avgPool2dWindowForward");
        int[] d = c.rank(x, "x", 4, "(n, c, h, w)");
        int p = pooledSize(c, d[2], kernel, stride, pad);
        int q = pooledSize(c, d[3], kernel, stride, pad);
        c.shape(y, "y", "(n, c, p, q)", d[0], d[1], p, q);
        check(nAvgPool2dWindowForward(c.open(x, "x"), c.open(y, "y"), d[0], d[1], d[2], d[3], kernel, stride, pad,
                countIncludePad ? 1 : 0), "avgPool2dWindowForward");
    }

    /** F.adaptive_avg_pool2d(x, 1) flattened: x (n,c,h,w) -> y (n,c), the mean over h*w. */
    public void adaptiveAvgPool2dForward(Tensor x, Tensor y) {
        TensorChecks c = checks("adaptiveAvgPool2dForward");
        int[] d = c.rank(x, "x", 4, "(n, c, h, w)");
        c.shape(y, "y", "(n, c)", d[0], d[1]);
        check(nAdaptiveAvgPool2dForward(c.open(x, "x"), c.open(y, "y"), d[0], d[1], d[2], d[3]),
                "adaptiveAvgPool2dForward");
    }

    /** Channel concat piece: x (n,cx,h,w) -> channels [offset, offset + cx) of y (n,cy,h,w). */
    public void copyChannels(Tensor x, Tensor y, int offset) {
        TensorChecks c = checks("copyChannels");
        int[] xd = c.rank(x, "x", 4, "(n, cx, h, w)");
        int[] yd = c.rank(y, "y", 4, "(n, cy, h, w)");
        c.require(yd[0] == xd[0] && yd[2] == xd[2] && yd[3] == xd[3], "x " + x.shape() + " and y " + y.shape()
                + " must agree in n, h and w");
        c.require(offset >= 0 && offset + xd[1] <= yd[1], "channels [" + offset + ", " + (offset + xd[1])
                + ") of x do not fit in y's " + yd[1] + " channels; pass an offset in [0, cy - cx]");
        check(nCopyChannels(c.open(x, "x"), c.open(y, "y"), xd[0], xd[1], xd[2], xd[3], yd[1], offset),
                "copyChannels");
    }

    /** Row-wise F.softmax (log: F.log_softmax) over the last dimension: x (rows,cols) -> y (rows,cols). */
    public void softmaxForward(Tensor x, Tensor y, boolean log) {
        TensorChecks c = checks("softmaxForward");
        int[] d = c.rank(x, "x", 2, "(rows, cols)");
        c.shape(y, "y", "(rows, cols)", d[0], d[1]);
        check(nSoftmaxForward(c.open(x, "x"), c.open(y, "y"), d[0], d[1], log ? 1 : 0), "softmaxForward");
    }

    /** y (n,c,h,w) = x * scale[c] + shift[c], then relu if asked; scale, shift (c); y may be x. */
    public void channelAffineForward(Tensor x, Tensor scale, Tensor shift, Tensor y, boolean relu) {
        TensorChecks c = checks("channelAffineForward");
        int[] d = c.rank(x, "x", 4, "(n, c, h, w)");
        c.shape(scale, "scale", "(c)", d[1]);
        c.shape(shift, "shift", "(c)", d[1]);
        c.shape(y, "y", "(n, c, h, w)", d);
        check(nChannelAffineForward(c.open(x, "x"), c.open(scale, "scale"), c.open(shift, "shift"), c.open(y, "y"),
                d[0], d[1], d[2], d[3], relu ? 1 : 0), "channelAffineForward");
    }

    // ---- the native calls, one per entry point of kernels.h --------------------------------

    protected abstract int nAlloc(long bytes, long[] address);
    protected abstract int nFree(long address);
    protected abstract int nUpload(long dst, float[] host, long n);
    protected abstract int nUpload(long dst, long host, long n);
    protected abstract int nDownload(float[] host, long src, long n);
    protected abstract int nDownload(long host, long src, long n);
    protected abstract int nSynchronize();
    protected abstract int nFill(long y, long n, float value);
    protected abstract int nCopy(long y, long x, long n);
    protected abstract int nAxpy(long y, long x, long n, float alpha);
    protected abstract int nAdd(long y, long a, long b, long n);
    protected abstract int nScale(long y, long n, float alpha);
    protected abstract int nReluForward(long y, long x, long n);
    protected abstract int nReluBackward(long dx, long dy, long y, long n);
    protected abstract int nTanhForward(long y, long x, long n);
    protected abstract int nTanhBackward(long dx, long dy, long y, long n);
    protected abstract int nRngUniform(long y, long n, long seed, long offset, float low, float high);
    protected abstract int nRngNormal(long y, long n, long seed, long offset, float mean, float std);
    protected abstract int nGemm(int transA, int transB, int m, int n, int k, float alpha, long a, int lda, long b, int ldb, float beta, long c, int ldc);
    protected abstract int nLinearForward(long x, long weight, long bias, long y, int n, int in, int out);
    protected abstract int nLinearBackwardData(long dy, long weight, long dx, int n, int in, int out);
    protected abstract int nLinearBackwardWeight(long x, long dy, long weightGrad, long biasGrad, int n, int in, int out);
    protected abstract int nConv2dForward(long x, long weight, long bias, long y, int n, int c, int h, int w, int k, int kh, int kw, int sh, int sw, int ph, int pw);
    protected abstract int nConv2dBackwardData(long dy, long weight, long dx, int n, int c, int h, int w, int k, int kh, int kw, int sh, int sw, int ph, int pw);
    protected abstract int nConv2dBackwardWeight(long x, long dy, long weightGrad, long biasGrad, int n, int c, int h, int w, int k, int kh, int kw, int sh, int sw, int ph, int pw);
    protected abstract int nConvTranspose2dForward(long x, long weight, long bias, long y, int n, int c, int h, int w, int k);
    protected abstract int nConvTranspose2dBackwardData(long dy, long weight, long dx, int n, int c, int h, int w, int k);
    protected abstract int nConvTranspose2dBackwardWeight(long x, long dy, long weightGrad, long biasGrad, int n, int c, int h, int w, int k);
    protected abstract int nUpsampleForward(long x, long y, int n, int c, int h, int w, int outH, int outW, int mode);
    protected abstract int nUpsampleBackward(long dy, long dx, int n, int c, int h, int w, int outH, int outW, int mode);
    protected abstract int nBatchNorm2dForwardTrain(long x, long gamma, long beta, long y, long saveMean, long saveInvStd, long runningMean, long runningVar, int n, int c, int h, int w, float eps, float momentum);
    protected abstract int nBatchNorm2dForwardEval(long x, long gamma, long beta, long runningMean, long runningVar, long y, int n, int c, int h, int w, float eps);
    protected abstract int nBatchNorm2dBackward(long x, long dy, long gamma, long saveMean, long saveInvStd, long dx, long gammaGrad, long betaGrad, int n, int c, int h, int w);
    protected abstract int nInstanceNorm2dForward(long x, long y, long saveMean, long saveInvStd, int n, int c, int h, int w, float eps);
    protected abstract int nInstanceNorm2dBackward(long x, long dy, long saveMean, long saveInvStd, long dx, int n, int c, int h, int w);
    protected abstract int nAvgPool2dForward(long x, long y, int n, int c, int h, int w);
    protected abstract int nAvgPool2dBackward(long dy, long dx, int n, int c, int h, int w);
    protected abstract int nSumHwForward(long x, long y, int n, int c, int h, int w);
    protected abstract int nSumHwBackward(long dy, long dx, int n, int c, int h, int w);
    protected abstract int nHingeLossForward(long x, long loss, int n, int kind);
    protected abstract int nHingeLossBackward(long x, long dx, int n, int kind);
    protected abstract int nSpectralNormForward(long weight, long u, long v, long weightSn, long sigma, int rows, int cols, int update, float eps);
    protected abstract int nSpectralNormBackward(long weight, long u, long v, long sigma, long weightSnGrad, long weightGrad, int rows, int cols);
    protected abstract int nAdamStep(long param, long grad, long m, long v, long n, float lr, float beta1, float beta2, float eps, int step);
    protected abstract int nEmaUpdate(long avg, long x, long n, float decay);
    protected abstract int nMaxPool2dForward(long x, long y, int n, int c, int h, int w, int kernel, int stride, int pad);
    protected abstract int nAvgPool2dWindowForward(long x, long y, int n, int c, int h, int w, int kernel, int stride, int pad, int countIncludePad);
    protected abstract int nAdaptiveAvgPool2dForward(long x, long y, int n, int c, int h, int w);
    protected abstract int nCopyChannels(long x, long y, int n, int cx, int h, int w, int cy, int offset);
    protected abstract int nSoftmaxForward(long x, long y, int rows, int cols, int log);
    protected abstract int nChannelAffineForward(long x, long scale, long shift, long y, int n, int c, int h, int w, int relu);
}
