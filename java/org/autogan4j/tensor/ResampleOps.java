package org.autogan4j.tensor;

import org.autogan4j.nativeapi.Ag;

/**
 * The resampling ops of the GAN (native families upsample, avg_pool2d, sum_hw): nearest and bilinear
 * upsampling, 2x2 average pooling and the sum over H and W, each with its backward pass.
 * Part of {@link Backend}: call them on a device's backend ({@code device.backend().fill(y, 0f)}).
 */
public sealed interface ResampleOps permits Backend {
    /** The device these ops run on. */
    Device device();

    /** x (n,c,h,w) -> y (n,c,outH,outW), any output size. */
    default void upsampleForward(Tensor x, Tensor y, UpsampleMode mode) {
        TensorChecks c = new TensorChecks("upsampleForward", device());
        int[] xd = c.rank(x, "x", 4, "(n, c, h, w)");
        int[] yd = c.rank(y, "y", 4, "(n, c, outH, outW)");
        c.shape(y, "y", "(n, c, outH, outW)", xd[0], xd[1], yd[2], yd[3]);
        TensorChecks.call(Ag.ag_upsample_forward(device().code(), c.open(x, "x"), c.open(y, "y"), xd[0], xd[1], xd[2],
                xd[3], yd[2], yd[3],
                mode.code()), "upsampleForward");
    }

    /** dy (n,c,outH,outW) -> dx (n,c,h,w). */
    default void upsampleBackward(Tensor dy, Tensor dx, UpsampleMode mode) {
        TensorChecks c = new TensorChecks("upsampleBackward", device());
        int[] xd = c.rank(dx, "dx", 4, "(n, c, h, w)");
        int[] yd = c.rank(dy, "dy", 4, "(n, c, outH, outW)");
        c.shape(dy, "dy", "(n, c, outH, outW)", xd[0], xd[1], yd[2], yd[3]);
        TensorChecks.call(Ag.ag_upsample_backward(device().code(), c.open(dy, "dy"), c.open(dx, "dx"), xd[0], xd[1],
                xd[2], xd[3], yd[2], yd[3],
                mode.code()), "upsampleBackward");
    }

    /** 2x2 average pooling, stride 2: x (n,c,h,w), h and w even -> y (n,c,h/2,w/2). */
    default void avgPool2dForward(Tensor x, Tensor y) {
        TensorChecks c = new TensorChecks("avgPool2dForward", device());
        int[] d = c.rank(x, "x", 4, "(n, c, h, w)");
        c.require(d[2] % 2 == 0 && d[3] % 2 == 0, "x " + x.shape() + " needs even h and w");
        c.shape(y, "y", "(n, c, h/2, w/2)", d[0], d[1], d[2] / 2, d[3] / 2);
        TensorChecks.call(Ag.ag_avg_pool2d_forward(device().code(), c.open(x, "x"), c.open(y, "y"), d[0], d[1], d[2],
                d[3]), "avgPool2dForward");
    }

    /** dy (n,c,h/2,w/2) -> dx (n,c,h,w). */
    default void avgPool2dBackward(Tensor dy, Tensor dx) {
        TensorChecks c = new TensorChecks("avgPool2dBackward", device());
        int[] d = c.rank(dx, "dx", 4, "(n, c, h, w)");
        c.require(d[2] % 2 == 0 && d[3] % 2 == 0, "dx " + dx.shape() + " needs even h and w");
        c.shape(dy, "dy", "(n, c, h/2, w/2)", d[0], d[1], d[2] / 2, d[3] / 2);
        TensorChecks.call(Ag.ag_avg_pool2d_backward(device().code(), c.open(dy, "dy"), c.open(dx, "dx"), d[0], d[1],
                d[2], d[3]), "avgPool2dBackward");
    }

    /** Sum over H and W: x (n,c,h,w) -> y (n,c). */
    default void sumHwForward(Tensor x, Tensor y) {
        TensorChecks c = new TensorChecks("sumHwForward", device());
        int[] d = c.rank(x, "x", 4, "(n, c, h, w)");
        c.shape(y, "y", "(n, c)", d[0], d[1]);
        TensorChecks.call(Ag.ag_sum_hw_forward(device().code(), c.open(x, "x"), c.open(y, "y"), d[0], d[1], d[2],
                d[3]), "sumHwForward");
    }

    /** dy (n,c) -> dx (n,c,h,w), dy broadcast. */
    default void sumHwBackward(Tensor dy, Tensor dx) {
        TensorChecks c = new TensorChecks("sumHwBackward", device());
        int[] d = c.rank(dx, "dx", 4, "(n, c, h, w)");
        c.shape(dy, "dy", "(n, c)", d[0], d[1]);
        TensorChecks.call(Ag.ag_sum_hw_backward(device().code(), c.open(dy, "dy"), c.open(dx, "dx"), d[0], d[1], d[2],
                d[3]), "sumHwBackward");
    }
}
