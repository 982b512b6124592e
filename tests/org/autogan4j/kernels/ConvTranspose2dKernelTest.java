// Tests of the conv_transpose2d CPU twin (kernel 2, stride 2, PyTorch weight layout (c,k,2,2)):
// gradient check of dx, weightGrad and biasGrad, the PyTorch fixture, the gradient policy and
// thread-count determinism.
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

class ConvTranspose2dKernelTest {
    /** fp32 sums of a few products (c terms forward, k*4 back, n*h*w for weights): ~1e-7 apart. */
    private static final double FIXTURE_REL = 1e-5;
    /** Floor for elements near 0, where a sum's cancellation makes relative error meaningless. */
    private static final double FIXTURE_ABS = 1e-5;
    /** A second backward adds the same sums again: 2g up to the rounding of adding into g. */
    private static final double POLICY_REL = 1e-6;
    /** Floor of that comparison for partial sums added into the gradient that cancel. */
    private static final double POLICY_ABS = 1e-5;
    private static final Backend CPU = Device.CPU.backend();

    /** x (n,c,h,w), weight (c,k,2,2) -> y (n,k,2h,2w). */
    private record Deconv(int n, int c, int h, int w, int k) {
        int[] x() {
            return new int[] {n, c, h, w};
        }

        int[] weight() {
            return new int[] {c, k, 2, 2};
        }

        int[] y() {
            return new int[] {n, k, 2 * h, 2 * w};
        }
    }

    private static float[] forward(Deconv s, float[] x, float[] weight, float[] bias) {
        try (Tensors t = new Tensors()) {
            Tensor y = t.poisoned(s.y());
            Tensor biasT = bias == null ? null : t.of(bias, s.k());
            CPU.convTranspose2dForward(t.of(x, s.x()), t.of(weight, s.weight()), biasT, y);
            return y.toArray();
        }
    }

    /** {dx, weightGrad, biasGrad or null} for upstream dy, the parameter gradients from zero. */
    private static float[][] backward(Deconv s, float[] x, float[] weight, boolean withBias, float[] dy) {
        try (Tensors t = new Tensors()) {
            Tensor dyT = t.of(dy, s.y());
            Tensor dx = t.poisoned(s.x());
            Tensor weightGrad = t.zeros(s.weight());
            Tensor biasGrad = withBias ? t.zeros(s.k()) : null;
            CPU.convTranspose2dBackwardData(dyT, t.of(weight, s.weight()), dx);
            CPU.convTranspose2dBackwardWeight(t.of(x, s.x()), dyT, weightGrad, biasGrad);
            return new float[][] {dx.toArray(), weightGrad.toArray(), withBias ? biasGrad.toArray() : null};
        }
    }

    @ParameterizedTest
    @CsvSource({"2,3,3,5,4,true", "1,2,5,3,3,false", "3,1,1,1,2,true"})
    void gradientsMatchCentralDifferences(int n, int c, int h, int w, int k, boolean withBias) {
        Deconv s = new Deconv(n, c, h, w, k);
        new GradientCheck("conv_transpose2d " + s)
                .input("x", Tensors.randn(31, Tensors.numel(s.x())))
                .input("weight", Tensors.randn(32, Tensors.numel(s.weight())))
                .input("bias", Tensors.randn(33, k))
                .run(in -> forward(s, in[0], in[1], withBias ? in[2] : null),
                        (in, dy) -> backward(s, in[0], in[1], withBias, dy));
    }

    @Test
    void matchesPyTorch() {
        Fixture f = Fixture.load("conv_transpose2d");
        int[] xd = f.dims("x");
        Deconv s = new Deconv(xd[0], xd[1], xd[2], xd[3], f.dims("weight")[1]);
        float[] y = forward(s, f.values("x"), f.values("weight"), f.values("bias"));
        assertClose(f.values("y"), y, FIXTURE_REL, FIXTURE_ABS, "conv_transpose2d y");
        float[][] grads = backward(s, f.values("x"), f.values("weight"), true, f.values("dy"));
        assertClose(f.values("dx"), grads[0], FIXTURE_REL, FIXTURE_ABS, "conv_transpose2d dx");
        assertClose(f.values("weightGrad"), grads[1], FIXTURE_REL, FIXTURE_ABS, "conv_transpose2d weightGrad");
        assertClose(f.values("biasGrad"), grads[2], FIXTURE_REL, FIXTURE_ABS, "conv_transpose2d biasGrad");
    }

    @Test
    void parameterGradientsAccumulateAndDxIsOverwritten() {
        Deconv s = new Deconv(2, 3, 4, 5, 4);
        try (Tensors t = new Tensors()) {
            Tensor x = t.of(Tensors.randn(41, Tensors.numel(s.x())), s.x());
            Tensor weight = t.of(Tensors.randn(42, Tensors.numel(s.weight())), s.weight());
            Tensor dy = t.of(Tensors.randn(43, Tensors.numel(s.y())), s.y());
            Tensor dx = t.poisoned(s.x());
            Tensor weightGrad = t.zeros(s.weight());
            Tensor biasGrad = t.zeros(s.k());
            CPU.convTranspose2dBackwardData(dy, weight, dx);
            CPU.convTranspose2dBackwardWeight(x, dy, weightGrad, biasGrad);
            float[] dxOnce = dx.toArray();
            float[] weightGradOnce = weightGrad.toArray();
            float[] biasGradOnce = biasGrad.toArray();
            Tensors.assertAllFinite(dxOnce, "dx after one backward");
            CPU.convTranspose2dBackwardData(dy, weight, dx);
            CPU.convTranspose2dBackwardWeight(x, dy, weightGrad, biasGrad);
            assertBitIdentical(dxOnce, dx.toArray(), "dx (overwritten) after a second backward");
            assertClose(Tensors.times(weightGradOnce, 2), weightGrad.toArray(), POLICY_REL, POLICY_ABS,
                    "weightGrad (accumulated) after two backwards");
            assertClose(Tensors.times(biasGradOnce, 2), biasGrad.toArray(), POLICY_REL, POLICY_ABS,
                    "biasGrad (accumulated) after two backwards");
        }
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        Deconv s = new Deconv(8, 16, 16, 16, 16); // 32768 values in x: enough work to split
        float[] x = Tensors.randn(51, Tensors.numel(s.x()));
        float[] weight = Tensors.randn(52, Tensors.numel(s.weight()));
        float[] bias = Tensors.randn(53, s.k());
        float[] dy = Tensors.randn(54, Tensors.numel(s.y()));
        Determinism.assertThreadCountIndependent("conv_transpose2d " + s, () -> {
            float[][] grads = backward(s, x, weight, true, dy);
            return new float[][] {forward(s, x, weight, bias), grads[0], grads[1], grads[2]};
        });
    }
}
