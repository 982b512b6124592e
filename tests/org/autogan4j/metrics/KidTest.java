// Kid against torch-fidelity's estimator written out in numpy float64 (tools/make_scoring_fixtures.py):
// the same subsets come out of NumpyRandomState as out of np.random.RandomState(seed).choice, and the
// mean and std over the subsets match, for torch-fidelity's defaults (100 subsets of 1000, seed 2020)
// and for a small case. Also: identical sets score about 0 (the estimator is unbiased) and bad
// arguments fail with one line saying what to change.
package org.autogan4j.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.autogan4j.testing.Fixture;
import org.autogan4j.tensor.Device;
import org.junit.jupiter.api.Test;

class KidTest {
    /** float32 dot products here, float64 in the reference; the reference is stored as float32. */
    private static final double RELATIVE = 1e-5;

    private static FeatureRows rows(Fixture f, String name) {
        int[] dims = f.dims(name);
        FeatureRows rows = new FeatureRows(dims[1]);
        rows.add(f.values(name), dims[0]);
        return rows;
    }

    private static int[] indices(float[] values) {
        return Arrays.stream(toDoubles(values)).mapToInt(v -> (int) v).toArray();
    }

    private static double[] toDoubles(float[] values) {
        double[] d = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            d[i] = values[i];
        }
        return d;
    }

    private static void check(String name) {
        Fixture f = Fixture.load("scoring/kid_" + name);
        FeatureRows a = rows(f, "f1");
        FeatureRows b = rows(f, "f2");
        int size = f.integer("subsetSize");
        NumpyRandomState rng = new NumpyRandomState(f.integer("seed"));
        assertArrayEquals(indices(f.values("first1")), rng.choice(a.count(), size), name + " first subset of f1");
        assertArrayEquals(indices(f.values("first2")), rng.choice(b.count(), size), name + " first subset of f2");
        Kid.Result kid = Kid.compute(a, b, f.integer("subsets"), size, f.integer("seed"), Device.CPU);
        assertEquals(f.scalar("mean"), kid.mean(), RELATIVE * Math.abs(f.scalar("mean")), name + " mean");
        assertEquals(f.scalar("std"), kid.std(), RELATIVE * Math.abs(f.scalar("std")), name + " std");
    }

    @Test
    void torchFidelityDefaultsMatchNumpy() {
        check("default");
    }

    @Test
    void smallSubsetsMatchNumpy() {
        check("small");
    }

    @Test
    void aSetAgainstItselfScoresAboutZero() {
        Fixture f = Fixture.load("scoring/kid_small");
        FeatureRows a = rows(f, "f1");
        Kid.Result kid = Kid.compute(a, a, 20, 40, 3, Device.CPU);
        assertTrue(Math.abs(kid.mean()) < 3 * kid.std() / Math.sqrt(20), kid.format());
    }

    @Test
    void badArgumentsSayWhatToChange() {
        FeatureRows a = new FeatureRows(4);
        a.add(new float[4 * 3], 3);
        FeatureRows b = new FeatureRows(5);
        b.add(new float[5 * 3], 3);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Kid.compute(a, b, Device.CPU)).getMessage()
                .contains("4-d and 5-d"));
        IllegalArgumentException small = assertThrows(IllegalArgumentException.class,
                () -> Kid.compute(a, a, 10, 5, 1, Device.CPU));
        assertTrue(small.getMessage().contains("--kid-subset-size"), small.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new NumpyRandomState(-1));
    }
}
