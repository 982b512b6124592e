package org.autogan4j.tensor;

import org.autogan4j.nativeapi.Ag;

/**
 * The inference ops of the scorers (native families max_pool2d, avg_pool2d_window, adaptive_avg_pool2d,
 * copy_channels, softmax, channel_affine): forward only, as InceptionV3 and the Fashion-MNIST scorer use them.
 * Part of {@link Backend}: call them on a device's backend ({@code device.backend().fill(y, 0f)}).
 */
public sealed interface InferenceOps permits Backend {
    /** The device these ops run on. */
    Device device();

    /** Floor-mode pooled size of one side; checks kernel, stride and pad as PyTorch does. */
    private static int pooledSize(TensorChecks c, int side, int kernel, int stride, int pad) {
        c.require(kernel > 0 && stride > 0, "kernel = " + kernel + " and stride = " + stride + " must be > 0");
        c.require(pad >= 0 && pad <= kernel / 2, "pad = " + pad + " must be in [0, kernel / 2 = " + kernel / 2 + "]");
        c.require(side + 2 * pad >= kernel, "an input side of " + side + " padded by " + pad
                + " is smaller than the kernel " + kernel + "; use a larger input or a smaller kernel");
        return (side + 2 * pad - kernel) / stride + 1;
    }

    /** F.max_pool2d (floor mode): x (n,c,h,w) -> y (n,c,p,q), p = (h + 2 pad - kernel) / stride + 1. */
    default void maxPool2dForward(Tensor x, Tensor y, int kernel, int stride, int pad) {
        TensorChecks c = new TensorChecks("maxPool2dForward", device());
        int[] d = c.rank(x, "x", 4, "(n, c, h, w)");
        int p = pooledSize(c, d[2], kernel, stride, pad);
        int q = pooledSize(c, d[3], kernel, stride, pad);
        c.shape(y, "y", "(n, c, p, q)", d[0], d[1], p, q);
        TensorChecks.call(Ag.ag_max_pool2d_forward(device().code(), c.open(x, "x"), c.open(y, "y"), d[0], d[1], d[2],
                d[3], kernel, stride, pad),
                "maxPool2dForward");
    }

    /** F.avg_pool2d (floor mode, count_include_pad as given): x (n,c,h,w) -> y (n,c,p,q), p as max pooling. */
    default void avgPool2dWindowForward(Tensor x, Tensor y, int kernel, int stride, int pad, boolean countIncludePad) {
        TensorChecks c = new TensorChecks("avgPool2dWindowForward", device());
        int[] d = c.rank(x, "x", 4, "(n, c, h, w)");
        int p = pooledSize(c, d[2], kernel, stride, pad);
        int q = pooledSize(c, d[3], kernel, stride, pad);
        c.shape(y, "y", "(n, c, p, q)", d[0], d[1], p, q);
        TensorChecks.call(Ag.ag_avg_pool2d_window_forward(device().code(), c.open(x, "x"), c.open(y, "y"), d[0], d[1],
                d[2], d[3], kernel, stride, pad,
                countIncludePad ? 1 : 0), "avgPool2dWindowForward");
    }

    /** F.adaptive_avg_pool2d(x, 1) flattened: x (n,c,h,w) -> y (n,c), the mean over h*w. */
    default void adaptiveAvgPool2dForward(Tensor x, Tensor y) {
        TensorChecks c = new TensorChecks("adaptiveAvgPool2dForward", device());
        int[] d = c.rank(x, "x", 4, "(n, c, h, w)");
        c.shape(y, "y", "(n, c)", d[0], d[1]);
        TensorChecks.call(Ag.ag_adaptive_avg_pool2d_forward(device().code(), c.open(x, "x"), c.open(y, "y"), d[0],
                d[1], d[2], d[3]),
                "adaptiveAvgPool2dForward");
    }

    /** Channel concat piece: x (n,cx,h,w) -> channels [offset, offset + cx) of y (n,cy,h,w). */
    default void copyChannels(Tensor x, Tensor y, int offset) {
        TensorChecks c = new TensorChecks("copyChannels", device());
        int[] xd = c.rank(x, "x", 4, "(n, cx, h, w)");
        int[] yd = c.rank(y, "y", 4, "(n, cy, h, w)");
        c.require(yd[0] == xd[0] && yd[2] == xd[2] && yd[3] == xd[3], "x " + x.shape() + " and y " + y.shape()
                + " must agree in n, h and w");
        c.require(offset >= 0 && offset + xd[1] <= yd[1], "channels [" + offset + ", " + (offset + xd[1])
                + ") of x do not fit in y's " + yd[1] + " channels; pass an offset in [0, cy - cx]");
        TensorChecks.call(Ag.ag_copy_channels(device().code(), c.open(x, "x"), c.open(y, "y"), xd[0], xd[1], xd[2],
                xd[3], yd[1], offset),
                "copyChannels");
    }

    /** Row-wise F.softmax (log: F.log_softmax) over the last dimension: x (rows,cols) -> y (rows,cols). */
    default void softmaxForward(Tensor x, Tensor y, boolean log) {
        TensorChecks c = new TensorChecks("softmaxForward", device());
        int[] d = c.rank(x, "x", 2, "(rows, cols)");
        c.shape(y, "y", "(rows, cols)", d[0], d[1]);
        TensorChecks.call(Ag.ag_softmax_forward(device().code(), c.open(x, "x"), c.open(y, "y"), d[0], d[1],
                log ? 1 : 0), "softmaxForward");
    }

    /** y (n,c,h,w) = x * scale[c] + shift[c], then relu if asked; scale, shift (c); y may be x. */
    default void channelAffineForward(Tensor x, Tensor scale, Tensor shift, Tensor y, boolean relu) {
        TensorChecks c = new TensorChecks("channelAffineForward", device());
        int[] d = c.rank(x, "x", 4, "(n, c, h, w)");
        c.shape(scale, "scale", "(c)", d[1]);
        c.shape(shift, "shift", "(c)", d[1]);
        c.shape(y, "y", "(n, c, h, w)", d);
        TensorChecks.call(Ag.ag_channel_affine_forward(device().code(), c.open(x, "x"), c.open(scale, "scale"),
                c.open(shift, "shift"), c.open(y, "y"),
                d[0], d[1], d[2], d[3], relu ? 1 : 0), "channelAffineForward");
    }
}
