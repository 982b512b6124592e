package org.autogan4j.tensor;

import org.autogan4j.nativeapi.Ag;

/**
 * The matrix ops (native families gemm, linear): GEMM and the three passes of a linear layer.
 * Part of {@link Backend}: call them on a device's backend ({@code device.backend().fill(y, 0f)}).
 */
public sealed interface MatrixOps permits Backend {
    /** The device these ops run on. */
    Device device();

    /** c (m,n) = alpha * op(a) op(b) + beta * c on 2-D tensors; op transposes when asked. */
    default void gemm(boolean transA, boolean transB, float alpha, Tensor a, Tensor b, float beta, Tensor c) {
        TensorChecks k = new TensorChecks("gemm", device());
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
        TensorChecks.call(Ag.ag_gemm(device().code(), transA ? 1 : 0, transB ? 1 : 0, m, n, depth, alpha, aAddress,
                ad[1], bAddress, bd[1], beta,
                cAddress, cd[1]), "gemm");
    }

    /** x (n,in), weight (out,in), bias (out) or null -> y (n,out). */
    default void linearForward(Tensor x, Tensor weight, Tensor bias, Tensor y) {
        TensorChecks c = new TensorChecks("linearForward", device());
        int[] wd = c.rank(weight, "weight", 2, "(out, in)");
        int n = c.rank(x, "x", 2, "(n, in)")[0];
        c.shape(x, "x", "(n, in)", n, wd[1]);
        if (bias != null) {
            c.shape(bias, "bias", "(out)", wd[0]);
        }
        c.shape(y, "y", "(n, out)", n, wd[0]);
        TensorChecks.call(Ag.ag_linear_forward(device().code(), c.open(x, "x"), c.open(weight, "weight"),
                c.optional(bias, "bias"), c.open(y, "y"), n,
                wd[1], wd[0]), "linearForward");
    }

    /** dy (n,out), weight (out,in) -> dx (n,in). */
    default void linearBackwardData(Tensor dy, Tensor weight, Tensor dx) {
        TensorChecks c = new TensorChecks("linearBackwardData", device());
        int[] wd = c.rank(weight, "weight", 2, "(out, in)");
        int n = c.rank(dy, "dy", 2, "(n, out)")[0];
        c.shape(dy, "dy", "(n, out)", n, wd[0]);
        c.shape(dx, "dx", "(n, in)", n, wd[1]);
        TensorChecks.call(Ag.ag_linear_backward_data(device().code(), c.open(dy, "dy"), c.open(weight, "weight"),
                c.open(dx, "dx"), n, wd[1], wd[0]),
                "linearBackwardData");
    }

    /** x (n,in), dy (n,out) -> weightGrad (out,in) +=, biasGrad (out) += (or null). */
    default void linearBackwardWeight(Tensor x, Tensor dy, Tensor weightGrad, Tensor biasGrad) {
        TensorChecks c = new TensorChecks("linearBackwardWeight", device());
        int[] xd = c.rank(x, "x", 2, "(n, in)");
        int out = c.rank(dy, "dy", 2, "(n, out)")[1];
        c.shape(dy, "dy", "(n, out)", xd[0], out);
        c.shape(weightGrad, "weightGrad", "(out, in)", out, xd[1]);
        if (biasGrad != null) {
            c.shape(biasGrad, "biasGrad", "(out)", out);
        }
        TensorChecks.call(Ag.ag_linear_backward_weight(device().code(), c.open(x, "x"), c.open(dy, "dy"),
                c.open(weightGrad, "weightGrad"),
                c.optional(biasGrad, "biasGrad"), xd[0], xd[1], out), "linearBackwardWeight");
    }
}
