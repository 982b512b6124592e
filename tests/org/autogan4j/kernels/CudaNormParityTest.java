// CUDA twins against CPU twins for the normalizations: batch norm (training with and without running
// statistics, evaluation, backward with gammaGrad/betaGrad +=), instance norm (forward, backward) and
// spectral norm (forward with and without the power iteration, backward +=), at small odd shapes
// and at AutoGAN's. The CPU twins reduce in double, so they are the exact side; the CUDA twin's
// float reductions are held to CudaParity.reduction(length) of the statistics' length.
package org.autogan4j.kernels;

import static org.autogan4j.testing.CudaParity.assertNormClose;
import static org.autogan4j.testing.CudaParity.reduction;
import static org.autogan4j.testing.TwinTensors.both;
import static org.autogan4j.testing.TwinTensors.on;

import org.autogan4j.testing.CudaParity;
import org.autogan4j.testing.TwinTensors;
import org.autogan4j.testing.TwinTensors.Twin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("cuda")
class CudaNormParityTest {
    private static final float EPS = 1e-5f;
    private static final float MOMENTUM = 0.1f;
    /** (n, c, h, w): small odd ones (2 values per channel the least batch norm takes), then AutoGAN's. */
    private static final int[][] SHAPES = {{3, 5, 7, 9}, {2, 3, 1, 1}, {64, 256, 8, 8}, {128, 128, 16, 16},
        {64, 64, 32, 32}, {128, 256, 4, 4}};
    /** Spectral-norm weights (out, in, kh, kw): small odd, a 1x1, AutoGAN's 3x3 C 256. */
    private static final int[][] WEIGHTS = {{6, 5, 3, 3}, {3, 7, 1, 1}, {128, 64, 1, 1}, {256, 256, 3, 3}};

    @BeforeEach
    void requireCuda() {
        CudaParity.requireCuda();
    }

    @Test
    void batchNormMatches() {
        for (int[] s : SHAPES) {
            checkBatchNorm(s, true);
        }
        checkBatchNorm(SHAPES[0], false);
    }

    private static void checkBatchNorm(int[] s, boolean tracking) {
        int n = s[0], c = s[1], h = s[2], w = s[3];
        long m = (long) n * h * w;
        double tol = reduction(m);
        String what = "batch_norm2d x (" + n + "," + c + "," + h + "," + w + ")" + (tracking ? "" : " untracked");
        try (TwinTensors t = new TwinTensors()) {
            // x (n,c,h,w), gamma, beta (c) -> y (n,c,h,w), saveMean, saveInvStd (c); running stats (c)
            Twin x = t.normal(1, 0.5f, 2f, s);
            Twin gamma = t.normal(2, 1f, 0.2f, c);
            Twin beta = t.random(3, c);
            Twin y = t.poisoned(s);
            Twin saveMean = t.poisoned(c);
            Twin saveInvStd = t.poisoned(c);
            Twin runningMean = tracking ? t.random(4, c) : null;
            Twin runningVar = tracking ? t.uniform(5, 0.5f, 2f, c) : null;
            both(d -> d.backend().batchNorm2dForwardTrain(x.on(d), gamma.on(d), beta.on(d), y.on(d),
                    saveMean.on(d), saveInvStd.on(d), on(runningMean, d), on(runningVar, d), EPS, MOMENTUM));
            assertNormClose(y, tol, what + " forwardTrain y");
            assertNormClose(saveMean, tol, what + " forwardTrain saveMean");
            assertNormClose(saveInvStd, tol, what + " forwardTrain saveInvStd");
            if (tracking) {
                assertNormClose(runningMean, tol, what + " forwardTrain runningMean");
                assertNormClose(runningVar, tol, what + " forwardTrain runningVar");
                Twin yEval = t.poisoned(s);
                both(d -> d.backend().batchNorm2dForwardEval(x.on(d), gamma.on(d), beta.on(d), runningMean.on(d),
                        runningVar.on(d), yEval.on(d), EPS));
                assertNormClose(yEval, CudaParity.FP32_REL, what + " forwardEval y");
            }

            // dy (n,c,h,w) -> dx (n,c,h,w), gammaGrad, betaGrad (c) += (started at the size of the sum)
            Twin dy = t.random(6, s);
            Twin dx = t.poisoned(s);
            float scale = (float) Math.sqrt(m);
            Twin gammaGrad = t.normal(7, 0f, scale, c);
            Twin betaGrad = t.normal(8, 0f, scale, c);
            both(d -> d.backend().batchNorm2dBackward(x.on(d), dy.on(d), gamma.on(d), saveMean.on(d),
                    saveInvStd.on(d), dx.on(d), gammaGrad.on(d), betaGrad.on(d)));
            assertNormClose(dx, tol, what + " backward dx");
            assertNormClose(gammaGrad, tol, what + " backward gammaGrad +=");
            assertNormClose(betaGrad, tol, what + " backward betaGrad +=");
        }
    }

    @Test
    void instanceNormMatches() {
        for (int[] s : SHAPES) {
            int n = s[0], c = s[1], h = s[2], w = s[3];
            if (h * w == 1) {
                continue; // one value per plane: y is 0 by cancellation on both sides, nothing to compare
            }
            double tol = reduction((long) h * w);
            String what = "instance_norm2d x (" + n + "," + c + "," + h + "," + w + ")";
            try (TwinTensors t = new TwinTensors()) {
                // x (n,c,h,w) -> y (n,c,h,w), saveMean, saveInvStd (n,c)
                Twin x = t.normal(11, -0.25f, 1.5f, s);
                Twin y = t.poisoned(s);
                Twin saveMean = t.poisoned(n, c);
                Twin saveInvStd = t.poisoned(n, c);
                both(d -> d.backend().instanceNorm2dForward(x.on(d), y.on(d), saveMean.on(d), saveInvStd.on(d), EPS));
                assertNormClose(y, tol, what + " forward y");
                assertNormClose(saveMean, tol, what + " forward saveMean");
                assertNormClose(saveInvStd, tol, what + " forward saveInvStd");
                Twin dy = t.random(12, s);
                Twin dx = t.poisoned(s);
                both(d -> d.backend().instanceNorm2dBackward(x.on(d), dy.on(d), saveMean.on(d), saveInvStd.on(d),
                        dx.on(d)));
                assertNormClose(dx, tol, what + " backward dx");
            }
        }
    }

    @Test
    void spectralNormMatches() {
        for (int[] s : WEIGHTS) {
            int rows = s[0], cols = s[1] * s[2] * s[3];
            double tol = reduction(Math.max(rows, cols));
            String what = "spectral_norm weight (" + s[0] + "," + s[1] + "," + s[2] + "," + s[3] + ")";
            try (TwinTensors t = new TwinTensors()) {
                // weight (rows, cols), u (rows), v (cols) -> weightSn (rows, cols), sigma (1)
                Twin weight = t.random(21, s);
                Twin u = t.random(22, rows);
                Twin v = t.random(23, cols);
                Twin weightSn = t.poisoned(s);
                Twin sigma = t.poisoned(1);
                for (boolean update : new boolean[] {true, false}) {
                    both(d -> d.backend().spectralNormForward(weight.on(d), u.on(d), v.on(d), weightSn.on(d),
                            sigma.on(d), update, 1e-12f));
                    String pass = what + (update ? " forward with power iteration" : " forward without");
                    assertNormClose(u, tol, pass + " u");
                    assertNormClose(v, tol, pass + " v");
                    assertNormClose(sigma, tol, pass + " sigma");
                    assertNormClose(weightSn, tol, pass + " weightSn");
                }
                // weightSnGrad (rows, cols) -> weightGrad (rows, cols) +=, started near the size of
                // what is added (weightSnGrad / sigma) so that both terms of the sum count
                Twin weightSnGrad = t.random(24, s);
                Twin weightGrad = t.normal(25, 0f, 0.05f, s);
                both(d -> d.backend().spectralNormBackward(weight.on(d), u.on(d), v.on(d), sigma.on(d),
                        weightSnGrad.on(d), weightGrad.on(d)));
                assertNormClose(weightGrad, tol, what + " backward weightGrad +=");
            }
        }
    }
}
