// FeatureStatistics and Fid against numpy/scipy (tools/make_metric_fixtures.py): the streaming mean
// and covariance match np.mean / np.cov (stats1.npz, float64), and the eigendecomposition FID matches
// the TTUR / pytorch-fid formula with scipy.linalg.sqrtm, for full-rank and singular covariances.
package org.autogan4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;

import org.autogan4j.testing.Fixture;
import org.junit.jupiter.api.Test;

class FidTest {
    /** FID against scipy: the bound (sqrtm and eigendecompositions round differently). */
    private static final double SCIPY_RELATIVE = 1e-3;
    /** Statistics against np.cov: both sum float32 features in double, in different orders. */
    private static final double COV_ABSOLUTE = 1e-12;

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(FidTest.class.getResource("/fixtures/metrics/" + name).toURI());
    }

    /** Statistics of the first rows of x, added in batches of 7 rows to exercise streaming. */
    private static FidStatistics statistics(Fixture f, String name, int rows) {
        int dim = f.dims(name)[1];
        float[] x = f.values(name);
        FeatureStatistics stats = new FeatureStatistics(dim);
        for (int from = 0; from < rows; from += 7) {
            int to = Math.min(rows, from + 7);
            stats.add(Arrays.copyOfRange(x, from * dim, to * dim), to - from);
        }
        assertEquals(rows, stats.count());
        return stats.toFidStatistics();
    }

    @Test
    void streamingStatisticsMatchNumpyCov() throws Exception {
        Fixture f = Fixture.load("metrics/fid");
        FidStatistics java = statistics(f, "x1", f.dims("x1")[0]);
        FidStatistics numpy = FidStatistics.load(resource("stats1.npz"));
        for (int i = 0; i < java.mu().length; i++) {
            assertEquals(numpy.mu()[i], java.mu()[i], COV_ABSOLUTE, "mu " + i);
        }
        for (int i = 0; i < java.sigma().length; i++) {
            assertEquals(numpy.sigma()[i], java.sigma()[i], COV_ABSOLUTE, "sigma " + i);
        }
    }

    @Test
    void fidMatchesScipySqrtm() {
        Fixture f = Fixture.load("metrics/fid");
        double fid = Fid.distance(statistics(f, "x1", 200), statistics(f, "x2", 200));
        assertEquals(f.scalar("fid"), fid, SCIPY_RELATIVE * f.scalar("fid"));
    }

    @Test
    void fidOfSingularCovariancesMatchesScipy() {
        Fixture f = Fixture.load("metrics/fid");
        double fid = Fid.distance(statistics(f, "x1", 20), statistics(f, "x2", 20));
        assertEquals(f.scalar("fid_rank_deficient"), fid, SCIPY_RELATIVE * f.scalar("fid_rank_deficient"));
    }

    @Test
    void fidFromNpzStatisticsMatchesScipy() throws Exception {
        Fixture f = Fixture.load("metrics/fid");
        FidStatistics a = FidStatistics.load(resource("stats1.npz"));
        FidStatistics b = FidStatistics.load(resource("stats2_f4.npz"));
        assertEquals(f.scalar("fid"), Fid.distance(a, b), SCIPY_RELATIVE * f.scalar("fid"));
    }

    @Test
    void fidOfAGaussianWithItselfIsZeroAndShiftsAddTheSquaredDistance() {
        double[] sigma = {2, 0.5, 0.5, 1};
        assertEquals(0, Fid.distance(new double[] {1, 2}, sigma, new double[] {1, 2}, sigma), 1e-12);
        assertEquals(25, Fid.distance(new double[] {0, 0}, sigma, new double[] {3, 4}, sigma), 1e-12);
        double[] diagonal1 = {4, 0, 0, 9};
        double[] diagonal2 = {1, 0, 0, 16};
        assertEquals(1 + 1, Fid.distance(new double[2], diagonal1, new double[2], diagonal2), 1e-12);
    }

    @Test
    void nonFiniteInputRetriesThenReportsNaN() {
        double[] bad = {Double.NaN, 0, 0, 1};
        assertEquals(Double.NaN, Fid.distance(new double[2], bad, new double[2], bad));
        assertThrows(IllegalArgumentException.class, () -> Fid.distance(new double[2], bad, new double[3], bad));
    }
}
