package org.autogan4j.tensor;

import org.autogan4j.nativeapi.Ag;

/**
 * The normalisations (native families batch_norm2d, instance_norm2d): batch norm in training and evaluation
 * with its backward pass, instance norm with its backward pass.
 * Part of {@link Backend}: call them on a device's backend ({@code device.backend().fill(y, 0f)}).
 */
public sealed interface NormOps permits Backend {
    /** The device these ops run on. */
    Device device();

    private static int[] channelDims(TensorChecks c, Tensor x, String name) {
        return c.rank(x, name, 4, "(n, c, h, w)");
    }

    /** Training batch norm; runningMean/runningVar both null (no tracking) or both (c). */
    default void batchNorm2dForwardTrain(Tensor x, Tensor gamma, Tensor beta, Tensor y, Tensor saveMean,
            Tensor saveInvStd, Tensor runningMean, Tensor runningVar, float eps, float momentum) {
        TensorChecks c = new TensorChecks("batchNorm2dForwardTrain", device());
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
        TensorChecks.call(Ag.ag_batch_norm2d_forward_train(device().code(), c.open(x, "x"), c.open(gamma, "gamma"),
                c.open(beta, "beta"), c.open(y, "y"),
                c.open(saveMean, "saveMean"), c.open(saveInvStd, "saveInvStd"), c.optional(runningMean, "runningMean"),
                c.optional(runningVar, "runningVar"), d[0], d[1], d[2], d[3], eps, momentum),
                "batchNorm2dForwardTrain");
    }

    /** Evaluation batch norm with the running statistics. */
    default void batchNorm2dForwardEval(Tensor x, Tensor gamma, Tensor beta, Tensor runningMean, Tensor runningVar,
            Tensor y, float eps) {
        TensorChecks c = new TensorChecks("batchNorm2dForwardEval", device());
        int[] d = channelDims(c, x, "x");
        c.shape(gamma, "gamma", "(c)", d[1]);
        c.shape(beta, "beta", "(c)", d[1]);
        c.shape(runningMean, "runningMean", "(c)", d[1]);
        c.shape(runningVar, "runningVar", "(c)", d[1]);
        c.shape(y, "y", "(n, c, h, w)", d);
        TensorChecks.call(Ag.ag_batch_norm2d_forward_eval(device().code(), c.open(x, "x"), c.open(gamma, "gamma"),
                c.open(beta, "beta"),
                c.open(runningMean, "runningMean"), c.open(runningVar, "runningVar"), c.open(y, "y"), d[0], d[1], d[2],
                d[3], eps), "batchNorm2dForwardEval");
    }

    /** Training batch norm backward: dx =, gammaGrad +=, betaGrad +=. */
    default void batchNorm2dBackward(Tensor x, Tensor dy, Tensor gamma, Tensor saveMean, Tensor saveInvStd, Tensor dx,
            Tensor gammaGrad, Tensor betaGrad) {
        TensorChecks c = new TensorChecks("batchNorm2dBackward", device());
        int[] d = channelDims(c, x, "x");
        c.shape(dy, "dy", "(n, c, h, w)", d);
        c.shape(dx, "dx", "(n, c, h, w)", d);
        c.shape(gamma, "gamma", "(c)", d[1]);
        c.shape(saveMean, "saveMean", "(c)", d[1]);
        c.shape(saveInvStd, "saveInvStd", "(c)", d[1]);
        c.shape(gammaGrad, "gammaGrad", "(c)", d[1]);
        c.shape(betaGrad, "betaGrad", "(c)", d[1]);
        TensorChecks.call(Ag.ag_batch_norm2d_backward(device().code(), c.open(x, "x"), c.open(dy, "dy"), c.open(gamma,
                "gamma"),
                c.open(saveMean, "saveMean"), c.open(saveInvStd, "saveInvStd"), c.open(dx, "dx"),
                c.open(gammaGrad, "gammaGrad"), c.open(betaGrad, "betaGrad"), d[0], d[1], d[2], d[3]),
                "batchNorm2dBackward");
    }

    /** Instance norm: x (n,c,h,w) -> y, saveMean (n,c), saveInvStd (n,c). */
    default void instanceNorm2dForward(Tensor x, Tensor y, Tensor saveMean, Tensor saveInvStd, float eps) {
        TensorChecks c = new TensorChecks("instanceNorm2dForward", device());
        int[] d = channelDims(c, x, "x");
        c.shape(y, "y", "(n, c, h, w)", d);
        c.shape(saveMean, "saveMean", "(n, c)", d[0], d[1]);
        c.shape(saveInvStd, "saveInvStd", "(n, c)", d[0], d[1]);
        TensorChecks.call(Ag.ag_instance_norm2d_forward(device().code(), c.open(x, "x"), c.open(y, "y"),
                c.open(saveMean, "saveMean"),
                c.open(saveInvStd, "saveInvStd"), d[0], d[1], d[2], d[3], eps), "instanceNorm2dForward");
    }

    default void instanceNorm2dBackward(Tensor x, Tensor dy, Tensor saveMean, Tensor saveInvStd, Tensor dx) {
        TensorChecks c = new TensorChecks("instanceNorm2dBackward", device());
        int[] d = channelDims(c, x, "x");
        c.shape(dy, "dy", "(n, c, h, w)", d);
        c.shape(dx, "dx", "(n, c, h, w)", d);
        c.shape(saveMean, "saveMean", "(n, c)", d[0], d[1]);
        c.shape(saveInvStd, "saveInvStd", "(n, c)", d[0], d[1]);
        TensorChecks.call(Ag.ag_instance_norm2d_backward(device().code(), c.open(x, "x"), c.open(dy, "dy"),
                c.open(saveMean, "saveMean"),
                c.open(saveInvStd, "saveInvStd"), c.open(dx, "dx"), d[0], d[1], d[2], d[3]), "instanceNorm2dBackward");
    }
}
