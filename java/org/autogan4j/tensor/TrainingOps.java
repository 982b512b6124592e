package org.autogan4j.tensor;

import org.autogan4j.nativeapi.Ag;

/**
 * The training ops (native families hinge_loss, spectral_norm, adam, ema): the hinge-loss pieces, spectral
 * normalisation with its backward pass, the Adam step and the EMA update.
 * Part of {@link Backend}: call them on a device's backend ({@code device.backend().fill(y, 0f)}).
 */
public sealed interface TrainingOps permits Backend {
    /** The device these ops run on. */
    Device device();

    /** x (any shape, n scores) -> loss (1). */
    default void hingeLossForward(Tensor x, Tensor loss, HingeKind kind) {
        TensorChecks c = new TensorChecks("hingeLossForward", device());
        c.open(x, "x");
        c.shape(loss, "loss", "(1)", 1);
        TensorChecks.call(Ag.ag_hinge_loss_forward(device().code(), c.open(x, "x"), c.open(loss, "loss"),
                x.shape().numelAsInt("x"), kind.code()),
                "hingeLossForward");
    }

    /** x (n scores) -> dx = d loss / dx. */
    default void hingeLossBackward(Tensor x, Tensor dx, HingeKind kind) {
        TensorChecks c = new TensorChecks("hingeLossBackward", device());
        long xAddress = c.open(x, "x");
        c.sameCount(x, "x", dx, "dx");
        TensorChecks.call(Ag.ag_hinge_loss_backward(device().code(), xAddress, c.open(dx, "dx"),
                x.shape().numelAsInt("x"), kind.code()),
                "hingeLossBackward");
    }

    /** weight (out, ...) as (rows = out, cols = rest); u (rows), v (cols) updated when update. */
    default void spectralNormForward(Tensor weight, Tensor u, Tensor v, Tensor weightSn, Tensor sigma, boolean update,
            float eps) {
        TensorChecks c = new TensorChecks("spectralNormForward", device());
        c.open(weight, "weight");
        int rows = weight.dim(0);
        int cols = Math.toIntExact(weight.numel() / rows);
        c.shape(u, "u", "(rows)", rows);
        c.shape(v, "v", "(cols)", cols);
        c.shape(weightSn, "weightSn", "(like weight)", weight.shape().dims());
        c.shape(sigma, "sigma", "(1)", 1);
        TensorChecks.call(Ag.ag_spectral_norm_forward(device().code(), c.open(weight, "weight"), c.open(u, "u"),
                c.open(v, "v"),
                c.open(weightSn, "weightSn"), c.open(sigma, "sigma"), rows, cols, update ? 1 : 0, eps),
                "spectralNormForward");
    }

    /** u, v, sigma constant: weightGrad += d(weight / sigma) / d weight applied to weightSnGrad. */
    default void spectralNormBackward(Tensor weight, Tensor u, Tensor v, Tensor sigma, Tensor weightSnGrad,
            Tensor weightGrad) {
        TensorChecks c = new TensorChecks("spectralNormBackward", device());
        c.open(weight, "weight");
        int rows = weight.dim(0);
        int cols = Math.toIntExact(weight.numel() / rows);
        c.shape(u, "u", "(rows)", rows);
        c.shape(v, "v", "(cols)", cols);
        c.shape(sigma, "sigma", "(1)", 1);
        c.shape(weightSnGrad, "weightSnGrad", "(like weight)", weight.shape().dims());
        c.shape(weightGrad, "weightGrad", "(like weight)", weight.shape().dims());
        TensorChecks.call(Ag.ag_spectral_norm_backward(device().code(), c.open(weight, "weight"), c.open(u, "u"),
                c.open(v, "v"), c.open(sigma, "sigma"),
                c.open(weightSnGrad, "weightSnGrad"), c.open(weightGrad, "weightGrad"), rows, cols),
                "spectralNormBackward");
    }

    /** One PyTorch Adam step (no weight decay); step counts from 1. */
    default void adamStep(Tensor param, Tensor grad, Tensor m, Tensor v, float lr, float beta1, float beta2, float eps,
            int step) {
        TensorChecks c = new TensorChecks("adamStep", device());
        c.require(step >= 1, "step = " + step + " must be >= 1");
        long paramAddress = c.open(param, "param");
        c.sameCount(param, "param", grad, "grad");
        c.sameCount(param, "param", m, "m");
        c.sameCount(param, "param", v, "v");
        TensorChecks.call(Ag.ag_adam_step(device().code(), paramAddress, c.open(grad, "grad"), c.open(m, "m"),
                c.open(v, "v"), param.numel(), lr, beta1,
                beta2, eps, step), "adamStep");
    }

    /** avg = decay * avg + (1 - decay) * x. */
    default void emaUpdate(Tensor avg, Tensor x, float decay) {
        TensorChecks c = new TensorChecks("emaUpdate", device());
        long avgAddress = c.open(avg, "avg");
        c.sameCount(avg, "avg", x, "x");
        TensorChecks.call(Ag.ag_ema_update(device().code(), avgAddress, c.open(x, "x"), avg.numel(), decay),
                "emaUpdate");
    }
}
