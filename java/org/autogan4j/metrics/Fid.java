// The Frechet Inception Distance of spec section 7 between two Gaussians (mu1, sigma1) and (mu2,
// sigma2): |mu1 - mu2|^2 + Tr(sigma1) + Tr(sigma2) - 2 Tr sqrt(sigma1 sigma2). The trace of the
// square root comes from symmetric eigendecompositions instead of a general sqrtm: with sigma1 =
// V L V^T (tiny negative eigenvalues clamped to 0) and W = V sqrt(L), sigma1 sigma2 is similar to
// the symmetric positive semi-definite W^T sigma2 W (which has the eigenvalues of sqrt(sigma1)
// sigma2 sqrt(sigma1)), so Tr sqrt(sigma1 sigma2) = sum of sqrt(its eigenvalues). As in the
// reference code, a non-finite result is retried once with 1e-6 added to both diagonals. A FID is
// reported as a Result, which carries the mode of the features it compared.
package org.autogan4j.metrics;

import java.util.Locale;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

public final class Fid {
    /** Added to both diagonals on the retry (spec section 7, TTUR's eps). */
    public static final double RETRY_EPS = 1e-6;

    /** A FID and the convention its features followed (FidMode.id(), or a scorer's name): never one without the other. */
    public record Result(double value, String mode) {
        /** "FID 12.345678 (pytorch-fid)". */
        public String format() {
            return String.format(Locale.ROOT, "FID %.6f (%s)", value, mode);
        }
    }

    private Fid() {
    }

    /** FID between two sets of statistics of the same dimension. */
    public static double distance(FidStatistics a, FidStatistics b) {
        return distance(a.mu(), a.sigma(), b.mu(), b.sigma());
    }

    /** FID between (mu1 (d), sigma1 (d, d)) and (mu2 (d), sigma2 (d, d)), sigmas row-major. */
    public static double distance(double[] mu1, double[] sigma1, double[] mu2, double[] sigma2) {
        int d = mu1.length;
        if (mu2.length != d || sigma1.length != (long) d * d || sigma2.length != (long) d * d) {
            throw new IllegalArgumentException("FID needs mu1, mu2 (d) and sigma1, sigma2 (d, d) of one d; got "
                    + mu1.length + ", " + mu2.length + ", " + sigma1.length + " and " + sigma2.length + " values");
        }
        double meanTerm = 0;
        for (int i = 0; i < d; i++) {
            meanTerm += (mu1[i] - mu2[i]) * (mu1[i] - mu2[i]);
        }
        DMatrixRMaj s1 = DMatrixRMaj.wrap(d, d, sigma1.clone());
        DMatrixRMaj s2 = DMatrixRMaj.wrap(d, d, sigma2.clone());
        double result = meanTerm + CommonOps_DDRM.trace(s1) + CommonOps_DDRM.trace(s2) - 2 * traceSqrtProduct(s1, s2);
        if (!Double.isFinite(result)) {
            for (int i = 0; i < d; i++) {
                s1.add(i, i, RETRY_EPS);
                s2.add(i, i, RETRY_EPS);
            }
            result = meanTerm + CommonOps_DDRM.trace(s1) + CommonOps_DDRM.trace(s2) - 2 * traceSqrtProduct(s1, s2);
        }
        return result;
    }

    /** Tr sqrt(s1 s2) for symmetric positive semi-definite s1, s2 (d, d); NaN if a decomposition fails. */
    static double traceSqrtProduct(DMatrixRMaj s1, DMatrixRMaj s2) {
        int d = s1.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eigen = DecompositionFactory_DDRM.eig(d, true, true);
        if (!eigen.decompose(symmetric(s1))) {
            return Double.NaN;
        }
        DMatrixRMaj w = new DMatrixRMaj(d, d);
        for (int k = 0; k < d; k++) {
            double root = Math.sqrt(Math.max(eigen.getEigenvalue(k).getReal(), 0));
            DMatrixRMaj v = eigen.getEigenVector(k);
            for (int i = 0; i < d; i++) {
                w.set(i, k, v.get(i) * root);
            }
        }
        DMatrixRMaj s2w = new DMatrixRMaj(d, d);
        CommonOps_DDRM.mult(s2, w, s2w);
        DMatrixRMaj m = new DMatrixRMaj(d, d);
        CommonOps_DDRM.multTransA(w, s2w, m);
        EigenDecomposition_F64<DMatrixRMaj> inner = DecompositionFactory_DDRM.eig(d, false, true);
        if (!inner.decompose(symmetric(m))) {
            return Double.NaN;
        }
        double trace = 0;
        for (int k = 0; k < d; k++) {
            trace += Math.sqrt(Math.max(inner.getEigenvalue(k).getReal(), 0));
        }
        return trace;
    }

    /** (a + a^T) / 2: removes the rounding asymmetry a symmetric decomposition would otherwise see. */
    private static DMatrixRMaj symmetric(DMatrixRMaj a) {
        DMatrixRMaj out = new DMatrixRMaj(a.numRows, a.numCols);
        CommonOps_DDRM.transpose(a, out);
        CommonOps_DDRM.add(0.5, a, 0.5, out, out);
        return out;
    }
}
