// Tests of the batch_norm2d CPU twin: gradient check of the training-mode output with respect to
// x, gamma and beta, the PyTorch fixture (y, running statistics, dx, gammaGrad, betaGrad, yEval),
// the gradient policy and thread-count determinism.
package org.autogan4j.kernels;

import static org.autogan4j.testing.Tensors.assertBitIdentical;
import static org.autogan4j.testing.Tensors.assertClose;

import java.util.Arrays;

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

class BatchNorm2dKernelTest {
    /** fp32 statistics over 45 values and the normalised output: ~1e-6 relative from PyTorch's. */
    private static final double FIXTURE_REL = 1e-5;
    /** Floor for near-zero values (dx subtracts two means of similar size). */
    private static final double FIXTURE_ABS = 1e-5;
    /** A second backward adds the same sums again: 2g up to the rounding of adding into g. */
    private static final double POLICY_REL = 1e-6;
    /** Floor of that comparison for partial sums added into the gradient that cancel. */
    private static final double POLICY_ABS = 1e-5;
    /** PyTorch's defaults, also the fixture's. */
    private static final float EPS = 1e-5f;
    private static final float MOMENTUM = 0.1f;
    private static final Backend CPU = Device.CPU.backend();

    /** The outputs of one training forward and backward. */
    private record Result(float[] y, float[] saveMean, float[] saveInvStd, float[] runningMean, float[] runningVar,
            float[] dx, float[] gammaGrad, float[] betaGrad, float[] yEval) {
        float[][] all() {
            return new float[][] {y, saveMean, saveInvStd, runningMean, runningVar, dx, gammaGrad, betaGrad, yEval};
        }
    }

    /** Training forward (running stats updated from the given ones), backward of dy, then eval forward. */
    private static Result run(int[] xd, float[] x, float[] gamma, float[] beta, float[] runningMean,
            float[] runningVar, float[] dy, float eps, float momentum) {
        int c = xd[1];
        try (Tensors t = new Tensors()) {
            Tensor xT = t.of(x, xd);
            Tensor gammaT = t.of(gamma, c);
            Tensor betaT = t.of(beta, c);
            Tensor y = t.poisoned(xd);
            Tensor saveMean = t.poisoned(c);
            Tensor saveInvStd = t.poisoned(c);
            Tensor meanT = t.of(runningMean, c);
            Tensor varT = t.of(runningVar, c);
            CPU.batchNorm2dForwardTrain(xT, gammaT, betaT, y, saveMean, saveInvStd, meanT, varT, eps, momentum);
            Tensor dx = t.poisoned(xd);
            Tensor gammaGrad = t.zeros(c);
            Tensor betaGrad = t.zeros(c);
            CPU.batchNorm2dBackward(xT, t.of(dy, xd), gammaT, saveMean, saveInvStd, dx, gammaGrad, betaGrad);
            Tensor yEval = t.poisoned(xd);
            CPU.batchNorm2dForwardEval(xT, gammaT, betaT, meanT, varT, yEval, eps);
            return new Result(y.toArray(), saveMean.toArray(), saveInvStd.toArray(), meanT.toArray(), varT.toArray(),
                    dx.toArray(), gammaGrad.toArray(), betaGrad.toArray(), yEval.toArray());
        }
    }

    /** The training-mode output without running statistics. */
    private static float[] forwardTrain(int[] xd, float[] x, float[] gamma, float[] beta) {
        int c = xd[1];
        try (Tensors t = new Tensors()) {
            Tensor y = t.poisoned(xd);
            CPU.batchNorm2dForwardTrain(t.of(x, xd), t.of(gamma, c), t.of(beta, c), y, t.poisoned(c), t.poisoned(c),
                    null, null, EPS, MOMENTUM);
            return y.toArray();
        }
    }

    @ParameterizedTest
    @CsvSource({"2,3,3,5", "3,2,1,1", "1,2,3,3", "4,1,2,3"})
    void trainingGradientsMatchCentralDifferences(int n, int c, int h, int w) {
        int[] xd = {n, c, h, w};
        float[] ones = new float[c];
        Arrays.fill(ones, 1f);
        new GradientCheck("batch_norm2d training " + n + "x" + c + "x" + h + "x" + w)
                .input("x", Tensors.randn(101, Tensors.numel(xd)))
                .input("gamma", Tensors.uniform(102, c, 0.5f, 1.5f))
                .input("beta", Tensors.randn(103, c))
                .run(in -> forwardTrain(xd, in[0], in[1], in[2]), (in, dy) -> {
                    Result r = run(xd, in[0], in[1], in[2], new float[c], ones, dy, EPS, MOMENTUM);
                    return new float[][] {r.dx(), r.gammaGrad(), r.betaGrad()};
                });
    }

    @Test
    void matchesPyTorch() {
        Fixture f = Fixture.load("batch_norm2d");
        Result r = run(f.dims("x"), f.values("x"), f.values("gamma"), f.values("beta"), f.values("runningMeanIn"),
                f.values("runningVarIn"), f.values("dy"), f.scalar("eps"), f.scalar("momentum"));
        assertClose(f.values("y"), r.y(), FIXTURE_REL, FIXTURE_ABS, "batch_norm2d y");
        assertClose(f.values("runningMeanOut"), r.runningMean(), FIXTURE_REL, FIXTURE_ABS, "runningMean");
        assertClose(f.values("runningVarOut"), r.runningVar(), FIXTURE_REL, FIXTURE_ABS, "runningVar (unbiased)");
        assertClose(f.values("dx"), r.dx(), FIXTURE_REL, FIXTURE_ABS, "batch_norm2d dx");
        assertClose(f.values("gammaGrad"), r.gammaGrad(), FIXTURE_REL, FIXTURE_ABS, "batch_norm2d gammaGrad");
        assertClose(f.values("betaGrad"), r.betaGrad(), FIXTURE_REL, FIXTURE_ABS, "batch_norm2d betaGrad");
        assertClose(f.values("yEval"), r.yEval(), FIXTURE_REL, FIXTURE_ABS, "batch_norm2d yEval");
    }

    @Test
    void parameterGradientsAccumulateAndDxIsOverwritten() {
        int[] xd = {3, 4, 5, 3};
        try (Tensors t = new Tensors()) {
            Tensor x = t.of(Tensors.randn(111, Tensors.numel(xd)), xd);
            Tensor gamma = t.of(Tensors.uniform(112, 4, 0.5f, 1.5f), 4);
            Tensor saveMean = t.poisoned(4);
            Tensor saveInvStd = t.poisoned(4);
            CPU.batchNorm2dForwardTrain(x, gamma, t.of(Tensors.randn(113, 4), 4), t.poisoned(xd), saveMean,
                    saveInvStd, null, null, EPS, MOMENTUM);
            Tensor dy = t.of(Tensors.randn(114, Tensors.numel(xd)), xd);
            Tensor dx = t.poisoned(xd);
            Tensor gammaGrad = t.zeros(4);
            Tensor betaGrad = t.zeros(4);
            CPU.batchNorm2dBackward(x, dy, gamma, saveMean, saveInvStd, dx, gammaGrad, betaGrad);
            float[] dxOnce = dx.toArray();
            float[] gammaGradOnce = gammaGrad.toArray();
            float[] betaGradOnce = betaGrad.toArray();
            Tensors.assertAllFinite(dxOnce, "dx after one backward");
            CPU.batchNorm2dBackward(x, dy, gamma, saveMean, saveInvStd, dx, gammaGrad, betaGrad);
            assertBitIdentical(dxOnce, dx.toArray(), "dx (overwritten) after a second backward");
            assertClose(Tensors.times(gammaGradOnce, 2), gammaGrad.toArray(), POLICY_REL, POLICY_ABS,
                    "gammaGrad (accumulated) after two backwards");
            assertClose(Tensors.times(betaGradOnce, 2), betaGrad.toArray(), POLICY_REL, POLICY_ABS,
                    "betaGrad (accumulated) after two backwards");
        }
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        int[] xd = {8, 16, 24, 24}; // 73728 values: past the CPU twins' OpenMP grain (32768), so threads split it
        float[] x = Tensors.randn(121, Tensors.numel(xd));
        float[] gamma = Tensors.uniform(122, 16, 0.5f, 1.5f);
        float[] beta = Tensors.randn(123, 16);
        float[] runningMean = Tensors.randn(124, 16);
        float[] runningVar = Tensors.uniform(125, 16, 0.5f, 1.5f);
        float[] dy = Tensors.randn(126, Tensors.numel(xd));
        Determinism.assertThreadCountIndependent("batch_norm2d 8x16x24x24",
                () -> run(xd, x, gamma, beta, runningMean, runningVar, dy, EPS, MOMENTUM).all());
    }
}
