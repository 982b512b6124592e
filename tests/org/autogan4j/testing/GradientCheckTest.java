// The gradient checker must be able to fail: pure-Java functions with right and deliberately
// wrong gradients, kinks skipped, an all-skipped input refused, and sampled large inputs.
package org.autogan4j.testing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class GradientCheckTest {
    /** y = x^2 * w elementwise; dx = 2 x w dy, dw = x^2 dy, each times error. */
    private static void checkSquare(int n, double error) {
        new GradientCheck("square n=" + n)
                .input("x", Tensors.randn(1, n))
                .input("w", Tensors.randn(2, n))
                .run(in -> {
                    float[] y = new float[n];
                    for (int i = 0; i < n; i++) {
                        y[i] = in[0][i] * in[0][i] * in[1][i];
                    }
                    return y;
                }, (in, dy) -> {
                    float[] dx = new float[n];
                    float[] dw = new float[n];
                    for (int i = 0; i < n; i++) {
                        dx[i] = (float) (2 * in[0][i] * in[1][i] * dy[i] * error);
                        dw[i] = in[0][i] * in[0][i] * dy[i];
                    }
                    return new float[][] {dx, dw};
                });
    }

    @Test
    void rightGradientsPass() {
        assertDoesNotThrow(() -> checkSquare(20, 1.0));
        assertDoesNotThrow(() -> checkSquare(1000, 1.0));
    }

    @Test
    void aTwoPercentErrorFailsNamingTheInputAndTheWorstElement() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> checkSquare(20, 1.02));
        assertTrue(e.getMessage().contains("d loss / d x") && e.getMessage().contains("worst ["), e.getMessage());
        AssertionFailedError sampled = assertThrows(AssertionFailedError.class, () -> checkSquare(1000, 1.02));
        assertTrue(sampled.getMessage().contains("of " + GradientCheck.MAX_SAMPLES + " checked"), sampled.getMessage());
    }

    /** A relu check at x; an element within a step of 0 makes the difference quotient straddle the kink. */
    private static GradientCheck reluCheck(float[] x) {
        return new GradientCheck("relu").input("x", x);
    }

    @Test
    void kinksAreSkippedOnlyWhereTheCallerSays() {
        float[] x = {-1f, 0.0005f, 2f, -0.3f};
        GradientCheck.Forward relu = in -> {
            float[] y = new float[in[0].length];
            for (int i = 0; i < y.length; i++) {
                y[i] = Math.max(in[0][i], 0f);
            }
            return y;
        };
        GradientCheck.Backward reluGradient = (in, dy) -> {
            float[] dx = new float[dy.length];
            for (int i = 0; i < dx.length; i++) {
                dx[i] = in[0][i] > 0 ? dy[i] : 0f;
            }
            return new float[][] {dx};
        };
        assertThrows(AssertionFailedError.class, () -> reluCheck(x).run(relu, reluGradient));
        assertDoesNotThrow(() -> reluCheck(x)
                .skipKinks((input, index, in) -> Math.abs(in[input][index]) < 2 * GradientCheck.STEP)
                .run(relu, reluGradient));
        AssertionFailedError allSkipped = assertThrows(AssertionFailedError.class,
                () -> reluCheck(x).skipKinks((input, index, in) -> true).run(relu, reluGradient));
        assertTrue(allSkipped.getMessage().contains("nothing was checked"), allSkipped.getMessage());
    }
}
