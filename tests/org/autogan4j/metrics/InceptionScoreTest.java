// InceptionScore against numpy (tools/make_metric_fixtures.py: the improved-gan / AutoGAN IS code on
// 203 rows of 12-way probabilities, 10 uneven splits), plus cases with a known closed form.
package org.autogan4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.autogan4j.testing.Fixture;
import org.junit.jupiter.api.Test;

class InceptionScoreTest {
    /** Relative tolerance against numpy: both sum in double; the reference is stored as float32. */
    private static final double NUMPY_RELATIVE = 1e-6;

    @Test
    void matchesNumpyReference() {
        Fixture f = Fixture.load("metrics/is");
        int[] dims = f.dims("p");
        InceptionScore.Result is = InceptionScore.fromProbabilities(f.values("p"), dims[0], dims[1], f.integer("splits"));
        assertEquals(f.scalar("mean"), is.mean(), NUMPY_RELATIVE * f.scalar("mean"));
        assertEquals(f.scalar("std"), is.std(), NUMPY_RELATIVE * f.scalar("std"));
    }

    @Test
    void oneHotOverKClassesScoresK() {
        int classes = 4;
        float[][] p = new float[40][classes];
        for (int i = 0; i < p.length; i++) {
            p[i][i % classes] = 1f;
        }
        InceptionScore.Result is = InceptionScore.fromProbabilities(p, 10);
        assertEquals(classes, is.mean(), 1e-12);
        assertEquals(0, is.std(), 1e-12);
    }

    @Test
    void identicalRowsScoreOne() {
        float[] p = new float[20 * 3];
        java.util.Arrays.fill(p, 1f / 3);
        assertEquals(1.0, InceptionScore.fromProbabilities(p, 20, 3).mean(), 1e-12);
    }

    @Test
    void rejectsFewerRowsThanSplitsAndNegativeProbabilities() {
        assertThrows(IllegalArgumentException.class, () -> InceptionScore.fromProbabilities(new float[9 * 2], 9, 2));
        float[] p = {1f, 0f, -0.5f, 1.5f};
        assertThrows(IllegalArgumentException.class, () -> InceptionScore.fromProbabilities(p, 2, 2, 1));
    }
}
