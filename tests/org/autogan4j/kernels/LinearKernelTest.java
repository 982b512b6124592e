// Tests of the linear CPU twin (y = x W^T + b): gradient check of dx, weightGrad and biasGrad, the
// PyTorch fixtures (with and without bias), the gradient policy and thread-count determinism.
package org.autogan4j.kernels;

import static org.autogan4j.testing.Tensors.assertBitIdentical;
import static org.autogan4j.testing.Tensors.assertClose;

import org.autogan4j.tensor.Backend;
import org.autogan4j.tensor.Device;

import org.autogan4j.tensor.Tensor;
import org.autogan4j.testing.Determinism;
import org.autogan4j.testing.Fixture;
import org.autogan4j.testing.GradientCheck;
import org.autogan4j.testing.Tensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LinearKernelTest {
    /** fp32 dot products of at most 7 terms in another order than PyTorch's: ~1e-7 relative apart. */
    private static final double FIXTURE_REL = 1e-5;
    /** Floor for elements near 0, where a sum's cancellation makes relative error meaningless. */
    private static final double FIXTURE_ABS = 1e-5;
    /** A second backward adds the same sums again: 2g up to the rounding of adding into g. */
    private static final double POLICY_REL = 1e-6;
    /** Floor of that comparison for partial sums added into the gradient that cancel. */
    private static final double POLICY_ABS = 1e-5;
    private static final Backend CPU = Device.CPU.backend();

    private static float[] forward(int n, int in, int out, float[] x, float[] weight, float[] bias) {
        try (Tensors t = new Tensors()) {
            Tensor y = t.poisoned(n, out);
            CPU.linearForward(t.of(x, n, in), t.of(weight, out, in), bias == null ? null : t.of(bias, out), y);
            return y.toArray();
        }
    }

    /** {dx, weightGrad, biasGrad or null} for upstream dy (n,out), the parameter gradients from zero. */
    private static float[][] backward(int n, int in, int out, float[] x, float[] weight, boolean withBias,
            float[] dy) {
        try (Tensors t = new Tensors()) {
            Tensor dyT = t.of(dy, n, out);
            Tensor dx = t.poisoned(n, in);
            Tensor weightGrad = t.zeros(out, in);
            Tensor biasGrad = withBias ? t.zeros(out) : null;
            CPU.linearBackwardData(dyT, t.of(weight, out, in), dx);
            CPU.linearBackwardWeight(t.of(x, n, in), dyT, weightGrad, biasGrad);
            return new float[][] {dx.toArray(), weightGrad.toArray(), withBias ? biasGrad.toArray() : null};
        }
    }

    @ParameterizedTest
    @CsvSource({"3,7,5,true", "1,9,4,true", "5,3,1,false", "4,1,6,true"})
    void gradientsMatchCentralDifferences(int n, int in, int out, boolean withBias) {
        new GradientCheck("linear n=" + n + " in=" + in + " out=" + out)
                .input("x", Tensors.randn(61, n * in))
                .input("weight", Tensors.randn(62, out * in))
                .input("bias", Tensors.randn(63, out))
                .run(v -> forward(n, in, out, v[0], v[1], withBias ? v[2] : null),
                        (v, dy) -> backward(n, in, out, v[0], v[1], withBias, dy));
    }

    @ParameterizedTest
    @ValueSource(strings = {"linear", "linear_nobias"})
    void matchesPyTorch(String name) {
        Fixture f = Fixture.load(name);
        int n = f.dims("x")[0];
        int in = f.dims("x")[1];
        int out = f.dims("weight")[0];
        boolean withBias = f.has("bias");
        float[] y = forward(n, in, out, f.values("x"), f.values("weight"), withBias ? f.values("bias") : null);
        assertClose(f.values("y"), y, FIXTURE_REL, FIXTURE_ABS, name + " y");
        float[][] grads = backward(n, in, out, f.values("x"), f.values("weight"), withBias, f.values("dy"));
        assertClose(f.values("dx"), grads[0], FIXTURE_REL, FIXTURE_ABS, name + " dx");
        assertClose(f.values("weightGrad"), grads[1], FIXTURE_REL, FIXTURE_ABS, name + " weightGrad");
        if (withBias) {
            assertClose(f.values("biasGrad"), grads[2], FIXTURE_REL, FIXTURE_ABS, name + " biasGrad");
        }
    }

    @Test
    void parameterGradientsAccumulateAndDxIsOverwritten() {
        int n = 6;
        int in = 11;
        int out = 7;
        try (Tensors t = new Tensors()) {
            Tensor x = t.of(Tensors.randn(71, n * in), n, in);
            Tensor weight = t.of(Tensors.randn(72, out * in), out, in);
            Tensor dy = t.of(Tensors.randn(73, n * out), n, out);
            Tensor dx = t.poisoned(n, in);
            Tensor weightGrad = t.zeros(out, in);
            Tensor biasGrad = t.zeros(out);
            CPU.linearBackwardData(dy, weight, dx);
            CPU.linearBackwardWeight(x, dy, weightGrad, biasGrad);
            float[] dxOnce = dx.toArray();
            float[] weightGradOnce = weightGrad.toArray();
            float[] biasGradOnce = biasGrad.toArray();
            Tensors.assertAllFinite(dxOnce, "dx after one backward");
            CPU.linearBackwardData(dy, weight, dx);
            CPU.linearBackwardWeight(x, dy, weightGrad, biasGrad);
            assertBitIdentical(dxOnce, dx.toArray(), "dx (overwritten) after a second backward");
            assertClose(Tensors.times(weightGradOnce, 2), weightGrad.toArray(), POLICY_REL, POLICY_ABS,
                    "weightGrad (accumulated) after two backwards");
            assertClose(Tensors.times(biasGradOnce, 2), biasGrad.toArray(), POLICY_REL, POLICY_ABS,
                    "biasGrad (accumulated) after two backwards");
        }
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        int n = 64;
        int in = 16 * 12 * 12;
        int out = 48;
        float[] x = Tensors.randn(81, n * in);
        float[] weight = Tensors.randn(82, out * in);
        float[] bias = Tensors.randn(83, out);
        float[] dy = Tensors.randn(84, n * out);
        Determinism.assertThreadCountIndependent("linear", () -> {
            float[][] grads = backward(n, in, out, x, weight, true, dy);
            return new float[][] {forward(n, in, out, x, weight, bias), grads[0], grads[1], grads[2]};
        });
    }
}
