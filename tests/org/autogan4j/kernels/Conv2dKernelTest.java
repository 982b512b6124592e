// Tests of the conv2d CPU twin (stride 1, square kernel, zero padding): gradient check of dx,
// weightGrad and biasGrad, PyTorch fixtures, the gradient policy and thread-count determinism.
package org.autogan4j.kernels;

import static org.autogan4j.testing.Tensors.assertBitIdentical;
import static org.autogan4j.testing.Tensors.assertClose;

import org.autogan4j.tensor.Backend;
import org.autogan4j.tensor.CpuBackend;
import org.autogan4j.tensor.Tensor;
import org.autogan4j.testing.Determinism;
import org.autogan4j.testing.Fixture;
import org.autogan4j.testing.GradientCheck;
import org.autogan4j.testing.Tensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Conv2dKernelTest {
    /** fp32 sums of at most 60 products, in another order than PyTorch's: ~1e-6 relative apart. */
    private static final double FIXTURE_REL = 1e-5;
    /** Floor for elements near 0, where a sum's cancellation makes relative error meaningless. */
    private static final double FIXTURE_ABS = 1e-5;
    /** A second backward adds the same sums again: 2g up to the rounding of adding into g. */
    private static final double POLICY_REL = 1e-6;
    /** Floor of that comparison for partial sums added into the gradient that cancel. */
    private static final double POLICY_ABS = 1e-5;
    private static final Backend CPU = CpuBackend.instance();

    /** x (n,c,h,w), weight (k,c,kernel,kernel) -> y (n,k,p,q). */
    private record Conv(int n, int c, int h, int w, int k, int kernel, int pad) {
        int p() {
            return h + 2 * pad - kernel + 1;
        }

        int q() {
            return w + 2 * pad - kernel + 1;
        }

        int[] x() {
            return new int[] {n, c, h, w};
        }

        int[] weight() {
            return new int[] {k, c, kernel, kernel};
        }

        int[] y() {
            return new int[] {n, k, p(), q()};
        }
    }

    private static float[] forward(Conv s, float[] x, float[] weight, float[] bias) {
        try (Tensors t = new Tensors()) {
            Tensor y = t.poisoned(s.y());
            CPU.conv2dForward(t.of(x, s.x()), t.of(weight, s.weight()), bias == null ? null : t.of(bias, s.k()), y,
                    s.pad());
            return y.toArray();
        }
    }

    /** {dx, weightGrad, biasGrad or null} for upstream dy, the parameter gradients from zero. */
    private static float[][] backward(Conv s, float[] x, float[] weight, boolean withBias, float[] dy) {
        try (Tensors t = new Tensors()) {
            Tensor dyT = t.of(dy, s.y());
            Tensor dx = t.poisoned(s.x());
            Tensor weightGrad = t.zeros(s.weight());
            Tensor biasGrad = withBias ? t.zeros(s.k()) : null;
            CPU.conv2dBackwardData(dyT, t.of(weight, s.weight()), dx, s.pad());
            CPU.conv2dBackwardWeight(t.of(x, s.x()), dyT, weightGrad, biasGrad, s.pad());
            return new float[][] {dx.toArray(), weightGrad.toArray(), withBias ? biasGrad.toArray() : null};
        }
    }

    @ParameterizedTest
    @CsvSource({"2,3,5,7,3,3,1", "1,2,6,5,3,5,2", "3,2,4,5,2,3,0", "2,3,5,5,4,1,0", "1,1,3,3,1,3,2"})
    void gradientsMatchCentralDifferences(int n, int c, int h, int w, int k, int kernel, int pad) {
        Conv s = new Conv(n, c, h, w, k, kernel, pad);
        new GradientCheck("conv2d " + s)
                .input("x", Tensors.randn(1, Tensors.numel(s.x())))
                .input("weight", Tensors.randn(2, Tensors.numel(s.weight())))
                .input("bias", Tensors.randn(3, k))
                .run(in -> forward(s, in[0], in[1], in[2]), (in, dy) -> backward(s, in[0], in[1], true, dy));
    }

    @ParameterizedTest
    @ValueSource(strings = {"conv2d_k3p1", "conv2d_k1p0", "conv2d_k3p1_nobias"})
    void matchesPyTorch(String name) {
        Fixture f = Fixture.load(name);
        int[] xd = f.dims("x");
        int[] wd = f.dims("weight");
        Conv s = new Conv(xd[0], xd[1], xd[2], xd[3], wd[0], wd[2], f.integer("pad"));
        boolean withBias = f.has("bias");
        float[] y = forward(s, f.values("x"), f.values("weight"), withBias ? f.values("bias") : null);
        assertClose(f.values("y"), y, FIXTURE_REL, FIXTURE_ABS, name + " y");
        float[][] grads = backward(s, f.values("x"), f.values("weight"), withBias, f.values("dy"));
        assertClose(f.values("dx"), grads[0], FIXTURE_REL, FIXTURE_ABS, name + " dx");
        assertClose(f.values("weightGrad"), grads[1], FIXTURE_REL, FIXTURE_ABS, name + " weightGrad");
        if (withBias) {
            assertClose(f.values("biasGrad"), grads[2], FIXTURE_REL, FIXTURE_ABS, name + " biasGrad");
        }
    }

    @Test
    void parameterGradientsAccumulateAndDxIsOverwritten() {
        Conv s = new Conv(2, 3, 5, 6, 4, 3, 1);
        try (Tensors t = new Tensors()) {
            Tensor x = t.of(Tensors.randn(11, Tensors.numel(s.x())), s.x());
            Tensor weight = t.of(Tensors.randn(12, Tensors.numel(s.weight())), s.weight());
            Tensor dy = t.of(Tensors.randn(13, Tensors.numel(s.y())), s.y());
            Tensor dx = t.poisoned(s.x());
            Tensor weightGrad = t.zeros(s.weight());
            Tensor biasGrad = t.zeros(s.k());
            CPU.conv2dBackwardData(dy, weight, dx, s.pad());
            CPU.conv2dBackwardWeight(x, dy, weightGrad, biasGrad, s.pad());
            float[] dxOnce = dx.toArray();
            float[] weightGradOnce = weightGrad.toArray();
            float[] biasGradOnce = biasGrad.toArray();
            Tensors.assertAllFinite(dxOnce, "dx after one backward");
            CPU.conv2dBackwardData(dy, weight, dx, s.pad());
            CPU.conv2dBackwardWeight(x, dy, weightGrad, biasGrad, s.pad());
            assertBitIdentical(dxOnce, dx.toArray(), "dx (overwritten) after a second backward");
            assertClose(Tensors.times(weightGradOnce, 2), weightGrad.toArray(), POLICY_REL, POLICY_ABS,
                    "weightGrad (accumulated) after two backwards");
            assertClose(Tensors.times(biasGradOnce, 2), biasGrad.toArray(), POLICY_REL, POLICY_ABS,
                    "biasGrad (accumulated) after two backwards");
        }
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        Conv s = new Conv(8, 16, 16, 16, 16, 3, 1); // 32768 values per tensor: enough work to split
        float[] x = Tensors.randn(21, Tensors.numel(s.x()));
        float[] weight = Tensors.randn(22, Tensors.numel(s.weight()));
        float[] bias = Tensors.randn(23, s.k());
        float[] dy = Tensors.randn(24, Tensors.numel(s.y()));
        Determinism.assertThreadCountIndependent("conv2d " + s, () -> {
            float[][] grads = backward(s, x, weight, true, dy);
            return new float[][] {forward(s, x, weight, bias), grads[0], grads[1], grads[2]};
        });
    }
}
