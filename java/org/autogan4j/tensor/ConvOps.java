package org.autogan4j.tensor;

import org.autogan4j.nativeapi.Ag;

/**
 * The convolutions (native families conv2d, conv_transpose2d): the three passes of a general conv2d (kernel
 * kh x kw, stride, zero padding) and of the 2x2 stride-2 transposed convolution.
 * Part of {@link Backend}: call them on a device's backend ({@code device.backend().fill(y, 0f)}).
 */
public sealed interface ConvOps permits Backend {
    /** The device these ops run on. */
    Device device();

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
    default void conv2dForward(Tensor x, Tensor weight, Tensor bias, Tensor y, int sh, int sw, int ph, int pw) {
        TensorChecks c = new TensorChecks("conv2dForward", device());
        int[] d = convDims(c, x, "x", weight, sh, sw, ph, pw);
        if (bias != null) {
            c.shape(bias, "bias", "(k)", d[4]);
        }
        c.shape(y, "y", "(n, k, p, q)", d[0], d[4], d[7], d[8]);
        TensorChecks.call(Ag.ag_conv2d_forward(device().code(), c.open(x, "x"), c.open(weight, "weight"),
                c.optional(bias, "bias"), c.open(y, "y"),
                d[0], d[1], d[2], d[3], d[4], d[5], d[6], sh, sw, ph, pw), "conv2dForward");
    }

    /** dy (n,k,p,q), weight (k,c,kh,kw) -> dx (n,c,h,w) of the conv2dForward with this stride and padding. */
    default void conv2dBackwardData(Tensor dy, Tensor weight, Tensor dx, int sh, int sw, int ph, int pw) {
        TensorChecks c = new TensorChecks("conv2dBackwardData", device());
        int[] d = convDims(c, dx, "dx", weight, sh, sw, ph, pw);
        c.shape(dy, "dy", "(n, k, p, q)", d[0], d[4], d[7], d[8]);
        TensorChecks.call(Ag.ag_conv2d_backward_data(device().code(), c.open(dy, "dy"), c.open(weight, "weight"),
                c.open(dx, "dx"), d[0], d[1], d[2],
                d[3], d[4], d[5], d[6], sh, sw, ph, pw), "conv2dBackwardData");
    }

    /**
     * x (n,c,h,w), dy (n,k,p,q) -> weightGrad (k,c,kh,kw) +=, biasGrad (k) += (or null), of the conv2dForward
     * with this stride and padding.
     */
    default void conv2dBackwardWeight(Tensor x, Tensor dy, Tensor weightGrad, Tensor biasGrad, int sh, int sw, int ph,
                                     int pw) {
        TensorChecks c = new TensorChecks("conv2dBackwardWeight", device());
        int[] d = convDims(c, x, "x", weightGrad, sh, sw, ph, pw);
        c.shape(dy, "dy", "(n, k, p, q)", d[0], d[4], d[7], d[8]);
        if (biasGrad != null) {
            c.shape(biasGrad, "biasGrad", "(k)", d[4]);
        }
        TensorChecks.call(Ag.ag_conv2d_backward_weight(device().code(), c.open(x, "x"), c.open(dy, "dy"),
                c.open(weightGrad, "weightGrad"),
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
    default void convTranspose2dForward(Tensor x, Tensor weight, Tensor bias, Tensor y) {
        TensorChecks c = new TensorChecks("convTranspose2dForward", device());
        int[] d = deconvDims(c, x, "x", weight);
        if (bias != null) {
            c.shape(bias, "bias", "(k)", d[4]);
        }
        c.shape(y, "y", "(n, k, 2h, 2w)", d[0], d[4], 2 * d[2], 2 * d[3]);
        TensorChecks.call(Ag.ag_conv_transpose2d_forward(device().code(), c.open(x, "x"), c.open(weight, "weight"),
                c.optional(bias, "bias"),
                c.open(y, "y"), d[0], d[1], d[2], d[3], d[4]), "convTranspose2dForward");
    }

    /** dy (n,k,2h,2w), weight (c,k,2,2) -> dx (n,c,h,w). */
    default void convTranspose2dBackwardData(Tensor dy, Tensor weight, Tensor dx) {
        TensorChecks c = new TensorChecks("convTranspose2dBackwardData", device());
        int[] d = deconvDims(c, dx, "dx", weight);
        c.shape(dy, "dy", "(n, k, 2h, 2w)", d[0], d[4], 2 * d[2], 2 * d[3]);
        TensorChecks.call(Ag.ag_conv_transpose2d_backward_data(device().code(), c.open(dy, "dy"), c.open(weight,
                "weight"), c.open(dx, "dx"), d[0], d[1],
                d[2], d[3], d[4]), "convTranspose2dBackwardData");
    }

    /** x (n,c,h,w), dy (n,k,2h,2w) -> weightGrad (c,k,2,2) +=, biasGrad (k) += (or null). */
    default void convTranspose2dBackwardWeight(Tensor x, Tensor dy, Tensor weightGrad, Tensor biasGrad) {
        TensorChecks c = new TensorChecks("convTranspose2dBackwardWeight", device());
        int[] d = deconvDims(c, x, "x", weightGrad);
        c.shape(dy, "dy", "(n, k, 2h, 2w)", d[0], d[4], 2 * d[2], 2 * d[3]);
        if (biasGrad != null) {
            c.shape(biasGrad, "biasGrad", "(k)", d[4]);
        }
        TensorChecks.call(Ag.ag_conv_transpose2d_backward_weight(device().code(), c.open(x, "x"), c.open(dy, "dy"),
                c.open(weightGrad, "weightGrad"),
                c.optional(biasGrad, "biasGrad"), d[0], d[1], d[2], d[3], d[4]), "convTranspose2dBackwardWeight");
    }
}
