// RankSum against scipy 1.17.1: every expected U and p below was printed once by
//   scipy.stats.mannwhitneyu(x, y, alternative="two-sided", method="asymptotic", use_continuity=True)
// on the same x and y (python3-scipy), and hard-coded here. Ties, an unbalanced pair of samples,
// complete separation and the refusals are covered.
package org.autogan4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RankSumTest {
    /** The erfc approximation's fractional error is under 1.2e-7; p carries it. */
    private static final double P_TOLERANCE = 5e-7;

    private static void check(double[] x, double[] y, double u, double p) {
        RankSum.Result r = RankSum.test(x, y);
        assertEquals(u, r.u(), 0.0, "U of x");
        assertEquals(p, r.p(), p * P_TOLERANCE, "two-sided p");
    }

    @Test
    void distinctValues() {
        check(new double[] {1.5, 2.0, 3.1, 4.2, 5.0}, new double[] {2.5, 3.5, 6.0, 7.1, 8.2, 9.0}, 5.0,
                0.0828374251588063);
    }

    @Test
    void tiesWithinAndAcrossSamples() {
        check(new double[] {10, 20, 20, 30, 40}, new double[] {20, 30, 30, 50, 60, 70}, 6.0, 0.11390314458853068);
    }

    @Test
    void completeSeparationAndUnequalSizes() {
        check(new double[] {1, 2, 3}, new double[] {4, 5, 6}, 0.0, 0.08085559837005224);
        check(new double[] {98.1, 102.4, 95.0}, new double[] {120.3, 110.0, 99.9, 130.2, 125.0, 118.7, 101.1, 140.0,
            133.3, 127.6}, 2.0, 0.03461055751570734);
    }

    @Test
    void swappingTheSamplesKeepsPAndMirrorsU() {
        double[] x = {10, 20, 20, 30, 40};
        double[] y = {20, 30, 30, 50, 60, 70};
        RankSum.Result a = RankSum.test(x, y);
        RankSum.Result b = RankSum.test(y, x);
        assertEquals(a.p(), b.p(), 1e-15);
        assertEquals(x.length * y.length - a.u(), b.u(), 0.0);
    }

    @Test
    void refusals() {
        assertEquals("the rank-sum test needs at least one value in each sample, got 0 and 2", assertThrows(
                IllegalArgumentException.class, () -> RankSum.test(new double[0], new double[] {1, 2})).getMessage());
        assertEquals("the rank-sum test is undefined when every value is the same", assertThrows(
                IllegalArgumentException.class, () -> RankSum.test(new double[] {3, 3}, new double[] {3})).getMessage());
        assertThrows(IllegalArgumentException.class, () -> RankSum.test(new double[] {Double.NaN}, new double[] {1}));
    }
}
