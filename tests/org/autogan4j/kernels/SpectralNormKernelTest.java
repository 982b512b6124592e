// Tests of the spectral-norm CPU twins (torch.nn.utils.spectral_norm, one power iteration): the
// gradient check of weightSn = W / sigma with u and v held fixed (update = false), the PyTorch
// fixtures (training: uOut, vOut, sigma, weightSn, weightGrad; eval: u and v untouched) and the
// accumulating weightGrad.
package org.autogan4j.kernels;

import static org.autogan4j.testing.Tensors.assertBitIdentical;
import static org.autogan4j.testing.Tensors.assertClose;

import org.autogan4j.tensor.Backend;
import org.autogan4j.tensor.Device;

import org.autogan4j.tensor.Tensor;
import org.autogan4j.testing.Fixture;
import org.autogan4j.testing.GradientCheck;
import org.autogan4j.testing.Tensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpectralNormKernelTest {
    /** Two fp32 matrix-vector products of <= 27 terms and two norms: ~1e-6 relative from PyTorch's. */
    private static final double FIXTURE_REL = 1e-5;
    /** Floor for elements near 0. */
    private static final double FIXTURE_ABS = 1e-6;
    /** A second backward adds the same values again: 2g up to the rounding of adding into g. */
    private static final double POLICY_REL = 1e-6;
    /** Floor of that comparison for terms added into the gradient one by one that cancel. */
    private static final double POLICY_ABS = 1e-6;
    /** torch's default eps of spectral_norm. */
    private static final float EPS = 1e-12f;
    /** Power iterations before a gradient check, so that sigma is near the top singular value. */
    private static final int WARM_UP_ITERATIONS = 8;
    /** Gradients of W / sigma are ~dy / sigma: a large dy lifts them above Caffe's floor of 1. */
    private static final double SN_DY_SCALE = 20;
    private static final Backend CPU = Device.CPU.backend();

    /** {u, v, sigma, weightSn} after one forward from u and v. */
    private static float[][] forward(int[] wd, float[] weight, float[] u, float[] v, boolean update) {
        try (Tensors t = new Tensors()) {
            Tensor uT = t.of(u, u.length);
            Tensor vT = t.of(v, v.length);
            Tensor sigma = t.poisoned(1);
            Tensor weightSn = t.poisoned(wd);
            CPU.spectralNormForward(t.of(weight, wd), uT, vT, weightSn, sigma, update, EPS);
            return new float[][] {uT.toArray(), vT.toArray(), sigma.toArray(), weightSn.toArray()};
        }
    }

    /** weightGrad (from zero) for weightSnGrad with u, v, sigma held fixed. */
    private static float[] backward(int[] wd, float[] weight, float[] u, float[] v, float sigma, float[] weightSnGrad) {
        try (Tensors t = new Tensors()) {
            Tensor weightGrad = t.zeros(wd);
            Tensor sigmaT = t.of(new float[] {sigma}, 1);
            CPU.spectralNormBackward(t.of(weight, wd), t.of(u, u.length), t.of(v, v.length), sigmaT,
                    t.of(weightSnGrad, wd), weightGrad);
            return weightGrad.toArray();
        }
    }

    @ParameterizedTest
    @CsvSource({"4,3,3,3", "5,7,1,1", "6,2,1,1", "1,3,2,2"})
    void weightSnGradientMatchesCentralDifferences(int k, int c, int kh, int kw) {
        int[] wd = {k, c, kh, kw};
        int cols = c * kh * kw;
        float[] weight = Tensors.randn(211, Tensors.numel(wd));
        float[][] state = {Tensors.randn(212, k), Tensors.randn(213, cols)};
        for (int i = 0; i < WARM_UP_ITERATIONS; i++) {
            state = forward(wd, weight, state[0], state[1], true);
        }
        float[] u = state[0];
        float[] v = state[1];
        new GradientCheck("spectral_norm weightSn (u, v fixed) " + k + "x" + cols)
                .input("weight", weight)
                .dyScale(SN_DY_SCALE)
                .run(in -> forward(wd, in[0], u, v, false)[3], (in, dy) -> {
                    float sigma = forward(wd, in[0], u, v, false)[2][0];
                    return new float[][] {backward(wd, in[0], u, v, sigma, dy)};
                });
    }

    @Test
    void matchesPyTorchInTraining() {
        Fixture f = Fixture.load("spectral_norm");
        int[] wd = f.dims("weight");
        float[][] out = forward(wd, f.values("weight"), f.values("uIn"), f.values("vIn"), f.integer("update") == 1);
        assertClose(f.values("uOut"), out[0], FIXTURE_REL, FIXTURE_ABS, "spectral_norm uOut");
        assertClose(f.values("vOut"), out[1], FIXTURE_REL, FIXTURE_ABS, "spectral_norm vOut");
        assertClose(new float[] {f.scalar("sigma")}, out[2], FIXTURE_REL, FIXTURE_ABS, "spectral_norm sigma");
        assertClose(f.values("weightSn"), out[3], FIXTURE_REL, FIXTURE_ABS, "spectral_norm weightSn");
        float[] weightGrad = backward(wd, f.values("weight"), out[0], out[1], out[2][0], f.values("weightSnGrad"));
        assertClose(f.values("weightGrad"), weightGrad, FIXTURE_REL, FIXTURE_ABS, "spectral_norm weightGrad");
    }

    @Test
    void matchesPyTorchInEvaluationAndLeavesUAndVAlone() {
        Fixture f = Fixture.load("spectral_norm_eval");
        float[][] out = forward(f.dims("weight"), f.values("weight"), f.values("u"), f.values("v"),
                f.integer("update") == 1);
        assertBitIdentical(f.values("u"), out[0], "u with update = false");
        assertBitIdentical(f.values("v"), out[1], "v with update = false");
        assertClose(new float[] {f.scalar("sigma")}, out[2], FIXTURE_REL, FIXTURE_ABS, "spectral_norm eval sigma");
        assertClose(f.values("weightSn"), out[3], FIXTURE_REL, FIXTURE_ABS, "spectral_norm eval weightSn");
    }

    @Test
    void weightGradAccumulates() {
        int[] wd = {4, 3, 3, 3};
        float[] weight = Tensors.randn(221, 108);
        float[][] state = forward(wd, weight, Tensors.randn(222, 4), Tensors.randn(223, 27), true);
        try (Tensors t = new Tensors()) {
            Tensor weightT = t.of(weight, wd);
            Tensor u = t.of(state[0], 4);
            Tensor v = t.of(state[1], 27);
            Tensor sigma = t.of(state[2], 1);
            Tensor weightSnGrad = t.of(Tensors.randn(224, 108), wd);
            Tensor weightGrad = t.zeros(wd);
            CPU.spectralNormBackward(weightT, u, v, sigma, weightSnGrad, weightGrad);
            float[] once = weightGrad.toArray();
            Tensors.assertAllFinite(once, "weightGrad after one backward");
            CPU.spectralNormBackward(weightT, u, v, sigma, weightSnGrad, weightGrad);
            assertClose(Tensors.times(once, 2), weightGrad.toArray(), POLICY_REL, POLICY_ABS,
                    "weightGrad (accumulated) after two backwards");
        }
    }
}
