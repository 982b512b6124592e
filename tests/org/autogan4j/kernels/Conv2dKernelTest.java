// Tests of the conv2d CPU twin (kernel kh x kw, stride sh x sw, zero padding ph x pw): gradient
// check of dx, weightGrad and biasGrad at square, rectangular and strided shapes, PyTorch fixtures,
// the gradient policy and thread-count determinism.
package org.autogan4j.kernels;

import static org.autogan4j.kernels.InceptionOpAsserts.assertNativeRejected;
import static org.autogan4j.testing.Tensors.assertBitIdentical;
import static org.autogan4j.testing.Tensors.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.autogan4j.nativeapi.Ag;
import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Backend;

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
    private static final Backend CPU = Device.CPU.backend();

    /** x (n,c,h,w), weight (k,c,kh,kw), stride sh x sw, padding ph x pw -> y (n,k,p,q). */
    private record Conv(int n, int c, int h, int w, int k, int kh, int kw, int sh, int sw, int ph, int pw) {
        /** Stride 1, square kernel, the same padding on both axes. */
        static Conv square(int n, int c, int h, int w, int k, int kernel, int pad) {
            return new Conv(n, c, h, w, k, kernel, kernel, 1, 1, pad, pad);
        }

        int p() {
            return (h + 2 * ph - kh) / sh + 1;
        }

        int q() {
            return (w + 2 * pw - kw) / sw + 1;
        }

        int[] x() {
            return new int[] {n, c, h, w};
        }

        int[] weight() {
            return new int[] {k, c, kh, kw};
        }

        int[] y() {
            return new int[] {n, k, p(), q()};
        }
    }

    private static float[] forward(Conv s, float[] x, float[] weight, float[] bias) {
        try (Tensors t = new Tensors()) {
            Tensor y = t.poisoned(s.y());
            CPU.conv2dForward(t.of(x, s.x()), t.of(weight, s.weight()), bias == null ? null : t.of(bias, s.k()), y,
                    s.sh(), s.sw(), s.ph(), s.pw());
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
            CPU.conv2dBackwardData(dyT, t.of(weight, s.weight()), dx, s.sh(), s.sw(), s.ph(), s.pw());
            CPU.conv2dBackwardWeight(t.of(x, s.x()), dyT, weightGrad, biasGrad, s.sh(), s.sw(), s.ph(), s.pw());
            return new float[][] {dx.toArray(), weightGrad.toArray(), withBias ? biasGrad.toArray() : null};
        }
    }

    @ParameterizedTest
    @CsvSource({"2,3,5,7,3,3,3,1,1,1,1", "1,2,6,5,3,5,5,1,1,2,2", "3,2,4,5,2,3,3,1,1,0,0", "2,3,5,5,4,1,1,1,1,0,0",
            "1,1,3,3,1,3,3,1,1,2,2",
            // rectangular: InceptionV3's 1x7 / 7x1 (and 1x3 / 3x1) with "same" padding, an unpadded one
            "2,2,5,9,3,1,7,1,1,0,3", "2,2,9,5,3,7,1,1,1,3,0", "1,3,6,5,2,1,3,1,1,0,1", "1,2,5,6,3,2,3,1,1,0,0",
            // strided: 3x3 stride 2 padded 0 and 1 (odd and even sizes), 1x1 stride 2, mixed strides
            "2,3,7,7,3,3,3,2,2,0,0", "2,3,7,8,3,3,3,2,2,1,1", "1,2,8,6,3,3,3,2,2,1,1", "2,3,5,7,4,1,1,2,2,0,0",
            "1,2,9,7,2,3,3,3,3,1,1", "2,2,7,6,3,3,2,2,1,1,0", "1,2,6,9,2,1,7,1,2,0,3", "1,1,8,8,2,5,5,2,3,2,1",
            // the AVX-512 packers: 16 | h*w (masked loads) and 16 | c (channel-last patches), rect and strided
            "1,2,4,8,2,1,7,1,1,0,3", "1,2,8,4,2,7,1,1,1,3,0", "1,16,5,7,2,3,3,2,2,1,1", "1,16,6,5,2,1,3,1,2,0,1"})
    void gradientsMatchCentralDifferences(int n, int c, int h, int w, int k, int kh, int kw, int sh, int sw, int ph,
                                          int pw) {
        Conv s = new Conv(n, c, h, w, k, kh, kw, sh, sw, ph, pw);
        new GradientCheck("conv2d " + s)
                .input("x", Tensors.randn(1, Tensors.numel(s.x())))
                .input("weight", Tensors.randn(2, Tensors.numel(s.weight())))
                .input("bias", Tensors.randn(3, k))
                .run(in -> forward(s, in[0], in[1], in[2]), (in, dy) -> backward(s, in[0], in[1], true, dy));
    }

    @ParameterizedTest
    @ValueSource(strings = {"conv2d_k3p1", "conv2d_k1p0", "conv2d_k3p1_nobias", "conv2d_k3s2p1", "conv2d_k1x7p0x3",
            "conv2d_k3x2s2x1p1x0_nobias"})
    void matchesPyTorch(String name) {
        Fixture f = Fixture.load(name);
        int[] xd = f.dims("x");
        int[] wd = f.dims("weight");
        // stride-1 fixtures hold a scalar "pad"; the others (sh, sw) "stride" and (ph, pw) "pad"
        float[] stride = f.has("stride") ? f.values("stride") : new float[] {1, 1};
        float[] pad = f.values("pad").length == 2 ? f.values("pad") : new float[] {f.integer("pad"), f.integer("pad")};
        Conv s = new Conv(xd[0], xd[1], xd[2], xd[3], wd[0], wd[2], wd[3], (int) stride[0], (int) stride[1],
                (int) pad[0], (int) pad[1]);
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
        Conv s = Conv.square(2, 3, 5, 6, 4, 3, 1);
        try (Tensors t = new Tensors()) {
            Tensor x = t.of(Tensors.randn(11, Tensors.numel(s.x())), s.x());
            Tensor weight = t.of(Tensors.randn(12, Tensors.numel(s.weight())), s.weight());
            Tensor dy = t.of(Tensors.randn(13, Tensors.numel(s.y())), s.y());
            Tensor dx = t.poisoned(s.x());
            Tensor weightGrad = t.zeros(s.weight());
            Tensor biasGrad = t.zeros(s.k());
            CPU.conv2dBackwardData(dy, weight, dx, s.sh(), s.sw(), s.ph(), s.pw());
            CPU.conv2dBackwardWeight(x, dy, weightGrad, biasGrad, s.sh(), s.sw(), s.ph(), s.pw());
            float[] dxOnce = dx.toArray();
            float[] weightGradOnce = weightGrad.toArray();
            float[] biasGradOnce = biasGrad.toArray();
            Tensors.assertAllFinite(dxOnce, "dx after one backward");
            CPU.conv2dBackwardData(dy, weight, dx, s.sh(), s.sw(), s.ph(), s.pw());
            CPU.conv2dBackwardWeight(x, dy, weightGrad, biasGrad, s.sh(), s.sw(), s.ph(), s.pw());
            assertBitIdentical(dxOnce, dx.toArray(), "dx (overwritten) after a second backward");
            assertClose(Tensors.times(weightGradOnce, 2), weightGrad.toArray(), POLICY_REL, POLICY_ABS,
                    "weightGrad (accumulated) after two backwards");
            assertClose(Tensors.times(biasGradOnce, 2), biasGrad.toArray(), POLICY_REL, POLICY_ABS,
                    "biasGrad (accumulated) after two backwards");
        }
    }

    @ParameterizedTest
    @CsvSource({"3,3,1,1,1,1", "3,3,2,2,1,1", "1,7,1,1,0,3"})
    void resultsDoNotDependOnTheThreadCount(int kh, int kw, int sh, int sw, int ph, int pw) {
        // 32768 values per input: enough work to split
        Conv s = new Conv(8, 16, 16, 16, 16, kh, kw, sh, sw, ph, pw);
        float[] x = Tensors.randn(21, Tensors.numel(s.x()));
        float[] weight = Tensors.randn(22, Tensors.numel(s.weight()));
        float[] bias = Tensors.randn(23, s.k());
        float[] dy = Tensors.randn(24, Tensors.numel(s.y()));
        Determinism.assertThreadCountIndependent("conv2d " + s, () -> {
            float[][] grads = backward(s, x, weight, true, dy);
            return new float[][] {forward(s, x, weight, bias), grads[0], grads[1], grads[2]};
        });
    }

    @Test
    void theNativeChecksRejectABadGeometry() {
        try (Tensors t = new Tensors()) {
            long x = t.zeros(2, 3, 6, 6).address();
            long weight = t.zeros(4, 3, 3, 3).address();
            long y = t.zeros(2, 4, 3, 3).address();
            assertNativeRejected(() -> Ag.ag_conv2d_forward(Ag.AG_DEVICE_CPU, x, weight, 0L, y, 2, 3, 6, 6, 4, 3, 3, 0, 2, 1, 1),
                    "ag_conv2d_forward", "stride 0x2 must be positive");
            assertNativeRejected(() -> Ag.ag_conv2d_forward(Ag.AG_DEVICE_CPU, x, weight, 0L, y, 2, 3, 6, 6, 4, 3, 0, 2, 2, 1, 1),
                    "ag_conv2d_forward", "kernel 3x0 must be positive");
            assertNativeRejected(() -> Ag.ag_conv2d_backward_data(Ag.AG_DEVICE_CPU, y, weight, x, 2, 3, 6, 6, 4, 3, 3, 2, 2, -1,
                    1), "ag_conv2d_backward_data", "padding -1x1 must be >= 0");
            assertNativeRejected(() -> Ag.ag_conv2d_backward_weight(Ag.AG_DEVICE_CPU, x, y, weight, 0L, 2, 3, 6, 6, 4, 9, 3, 2, 2,
                    1, 1), "ag_conv2d_backward_weight", "kernel 9x3 with padding 1x1 leaves no output for 6x6");
            assertEquals(0, Ag.ag_conv2d_forward(Ag.AG_DEVICE_CPU, x, weight, 0L, y, 2, 3, 6, 6, 4, 3, 3, 2, 2, 1, 1),
                    "the same call with good arguments succeeds");
        }
    }
}
