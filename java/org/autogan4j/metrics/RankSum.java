// The Wilcoxon rank-sum (Mann-Whitney U) test of two independent samples, two-sided, by the normal
// approximation with the tie correction and a continuity correction of 0.5: what
// scipy.stats.mannwhitneyu(x, y, alternative="two-sided", method="asymptotic") computes. The evidence
// job uses it to say whether one search method's FIDs differ from another's across seeds; with a
// handful of values per method the approximation is rough, which docs/evidence/README.md says.
package org.autogan4j.metrics;

import java.util.Arrays;

public final class RankSum {
    /** U of the first sample (the number of pairs it wins, ties counting half), z and the two-sided p-value. */
    public record Result(double u, double z, double p) {
    }

    private RankSum() {
    }

    /** The test of x against y; both need at least one finite value each, and not every value may be tied. */
    public static Result test(double[] x, double[] y) {
        if (x.length == 0 || y.length == 0) {
            throw new IllegalArgumentException("the rank-sum test needs at least one value in each sample, got "
                    + x.length + " and " + y.length);
        }
        int n1 = x.length;
        int n2 = y.length;
        int n = n1 + n2;
        double[] all = new double[n];
        for (int i = 0; i < n; i++) {
            all[i] = i < n1 ? x[i] : y[i - n1];
            if (!Double.isFinite(all[i])) {
                throw new IllegalArgumentException("the rank-sum test needs finite values, got " + all[i]);
            }
        }
        double[] sorted = all.clone();
        Arrays.sort(sorted);
        double tieSum = 0;
        for (int i = 0; i < n;) {
            int j = i;
            while (j < n && sorted[j] == sorted[i]) {
                j++;
            }
            double t = j - i;
            tieSum += t * t * t - t;
            i = j;
        }
        double rankSumX = 0;
        for (int i = 0; i < n1; i++) {
            rankSumX += rank(sorted, x[i]);
        }
        double u1 = rankSumX - n1 * (n1 + 1) / 2.0;
        double mean = n1 * (double) n2 / 2.0;
        double variance = n1 * (double) n2 / 12.0 * ((n + 1) - tieSum / ((double) n * (n - 1)));
        if (!(variance > 0)) {
            throw new IllegalArgumentException("the rank-sum test is undefined when every value is the same");
        }
        double u = Math.max(u1, n1 * (double) n2 - u1);
        double z = (u - mean - 0.5) / Math.sqrt(variance);
        return new Result(u1, z, Math.min(1.0, 2 * upperTail(z)));
    }

    /** The mid-rank (1-based) of v among sorted. */
    private static double rank(double[] sorted, double v) {
        int first = 0;
        while (sorted[first] < v) {
            first++;
        }
        int last = first;
        while (last + 1 < sorted.length && sorted[last + 1] == v) {
            last++;
        }
        return (first + last) / 2.0 + 1;
    }

    /** P(Z > z) of the standard normal, by erfc. */
    static double upperTail(double z) {
        return 0.5 * erfc(z / Math.sqrt(2));
    }

    /** The complementary error function, Chebyshev-fitted (fractional error under 1.2e-7 everywhere). */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
