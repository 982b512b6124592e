package org.autogan4j.tensor;

import org.autogan4j.nativeapi.Ag;

/**
 * The elementwise ops (native families elementwise, relu, tanh, rng): fill, copy, axpy, add, scale, ReLU and
 * tanh with their backward passes, and Philox random numbers.
 * Part of {@link Backend}: call them on a device's backend ({@code device.backend().fill(y, 0f)}).
 */
public sealed interface ElementwiseOps permits Backend {
    /** The device these ops run on. */
    Device device();

    default void fill(Tensor y, float value) {
        TensorChecks.call(Ag.ag_fill(device().code(), new TensorChecks("fill", device()).open(y, "y"), y.numel(),
                value), "fill");
    }

    /** y = x (same element count). */
    default void copy(Tensor y, Tensor x) {
        TensorChecks c = new TensorChecks("copy", device());
        long yAddress = c.open(y, "y");
        long xAddress = c.open(x, "x");
        c.sameCount(y, "y", x, "x");
        TensorChecks.call(Ag.ag_copy(device().code(), yAddress, xAddress, y.numel()), "copy");
    }

    /** y += alpha * x. */
    default void axpy(Tensor y, Tensor x, float alpha) {
        TensorChecks c = new TensorChecks("axpy", device());
        long yAddress = c.open(y, "y");
        long xAddress = c.open(x, "x");
        c.sameCount(y, "y", x, "x");
        TensorChecks.call(Ag.ag_axpy(device().code(), yAddress, xAddress, y.numel(), alpha), "axpy");
    }

    /** y = a + b; y may be a or b. */
    default void add(Tensor y, Tensor a, Tensor b) {
        TensorChecks c = new TensorChecks("add", device());
        long yAddress = c.open(y, "y");
        long aAddress = c.open(a, "a");
        long bAddress = c.open(b, "b");
        c.sameCount(y, "y", a, "a");
        c.sameCount(y, "y", b, "b");
        TensorChecks.call(Ag.ag_add(device().code(), yAddress, aAddress, bAddress, y.numel()), "add");
    }

    /** y *= alpha. */
    default void scale(Tensor y, float alpha) {
        TensorChecks.call(Ag.ag_scale(device().code(), new TensorChecks("scale", device()).open(y, "y"), y.numel(),
                alpha), "scale");
    }

    default void reluForward(Tensor x, Tensor y) {
        TensorChecks c = new TensorChecks("reluForward", device());
        long xAddress = c.open(x, "x");
        long yAddress = c.open(y, "y");
        c.sameCount(y, "y", x, "x");
        TensorChecks.call(Ag.ag_relu_forward(device().code(), yAddress, xAddress, y.numel()), "reluForward");
    }

    /** dx = dy * (y > 0), y the forward output. */
    default void reluBackward(Tensor dy, Tensor y, Tensor dx) {
        TensorChecks c = new TensorChecks("reluBackward", device());
        long dyAddress = c.open(dy, "dy");
        long yAddress = c.open(y, "y");
        long dxAddress = c.open(dx, "dx");
        c.sameCount(dy, "dy", y, "y");
        c.sameCount(dx, "dx", y, "y");
        TensorChecks.call(Ag.ag_relu_backward(device().code(), dxAddress, dyAddress, yAddress, y.numel()),
                "reluBackward");
    }

    default void tanhForward(Tensor x, Tensor y) {
        TensorChecks c = new TensorChecks("tanhForward", device());
        long xAddress = c.open(x, "x");
        long yAddress = c.open(y, "y");
        c.sameCount(y, "y", x, "x");
        TensorChecks.call(Ag.ag_tanh_forward(device().code(), yAddress, xAddress, y.numel()), "tanhForward");
    }

    /** dx = dy * (1 - y^2), y the forward output. */
    default void tanhBackward(Tensor dy, Tensor y, Tensor dx) {
        TensorChecks c = new TensorChecks("tanhBackward", device());
        long dyAddress = c.open(dy, "dy");
        long yAddress = c.open(y, "y");
        long dxAddress = c.open(dx, "dx");
        c.sameCount(dy, "dy", y, "y");
        c.sameCount(dx, "dx", y, "y");
        TensorChecks.call(Ag.ag_tanh_backward(device().code(), dxAddress, dyAddress, yAddress, y.numel()),
                "tanhBackward");
    }

    /** Uniform [low, high) from the Philox stream (seed, offset); the same numbers on every device. */
    default void rngUniform(Tensor y, long seed, long offset, float low, float high) {
        TensorChecks c = new TensorChecks("rngUniform", device());
        c.require(low <= high, "low = " + low + " must be <= high = " + high);
        TensorChecks.call(Ag.ag_rng_uniform(device().code(), c.open(y, "y"), y.numel(), seed, offset, low, high),
                "rngUniform");
    }

    /** Normal(mean, std) from the Philox stream (seed, offset); the same numbers on every device. */
    default void rngNormal(Tensor y, long seed, long offset, float mean, float std) {
        TensorChecks c = new TensorChecks("rngNormal", device());
        c.require(std >= 0, "std = " + std + " must be >= 0");
        TensorChecks.call(Ag.ag_rng_normal(device().code(), c.open(y, "y"), y.numel(), seed, offset, mean, std),
                "rngNormal");
    }
}
