// Streaming mean and covariance of feature vectors (n, d), as np.mean(x, 0) and np.cov(x,
// rowvar=False) (the N-1 normalisation) give them for FID. Batches are added one at a time, so 50k
// x 2048 features never need more than the d x d sums in memory. Sums run in double on features
// shifted by the first vector seen, which keeps sum(x x^T) - n mu mu^T free of cancellation when the
// features share a large common offset; each batch's x^T x is one EJML symmetric product
// (multInner, about 0.25 s per 100 x 2048 batch on one core here, so ~2 min for 50k features).
package org.autogan4j.metrics;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

public final class FeatureStatistics {
    private final int dim;
    private final double[] shift;
    private final double[] sum;
    private final DMatrixRMaj outer;
    private final DMatrixRMaj batchOuter;
    private long count;

    /** An empty accumulator for features of dimension dim. */
    public FeatureStatistics(int dim) {
        if (dim < 1) {
            throw new IllegalArgumentException("feature dimension must be >= 1, got " + dim);
        }
        this.dim = dim;
        this.shift = new double[dim];
        this.sum = new double[dim];
        this.outer = new DMatrixRMaj(dim, dim);
        this.batchOuter = new DMatrixRMaj(dim, dim);
    }

    /** Adds rows feature vectors: features (rows, dim) row-major. */
    public void add(float[] features, int rows) {
        if ((long) rows * dim != features.length) {
            throw new IllegalArgumentException("a batch of " + rows + " rows of " + dim + " features needs "
                    + (long) rows * dim + " values, got " + features.length);
        }
        if (rows == 0) {
            return;
        }
        if (count == 0) {
            for (int j = 0; j < dim; j++) {
                shift[j] = features[j];
            }
        }
        DMatrixRMaj centred = new DMatrixRMaj(rows, dim);
        double[] c = centred.data;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < dim; j++) {
                double v = features[i * dim + j] - shift[j];
                c[i * dim + j] = v;
                sum[j] += v;
            }
        }
        CommonOps_DDRM.multInner(centred, batchOuter);
        CommonOps_DDRM.addEquals(outer, batchOuter);
        count += rows;
    }

    public int dim() {
        return dim;
    }

    public long count() {
        return count;
    }

    /** The mean (dim), np.mean(x, axis=0). */
    public double[] mean() {
        requireRows(1);
        double[] mu = new double[dim];
        for (int j = 0; j < dim; j++) {
            mu[j] = shift[j] + sum[j] / count;
        }
        return mu;
    }

    /** The covariance (dim, dim) row-major, np.cov(x, rowvar=False): divided by n - 1. */
    public double[] covariance() {
        requireRows(2);
        double[] sigma = new double[dim * dim];
        for (int a = 0; a < dim; a++) {
            for (int b = 0; b < dim; b++) {
                sigma[a * dim + b] = (outer.get(a, b) - sum[a] * sum[b] / count) / (count - 1);
            }
        }
        return sigma;
    }

    /** The mean and covariance as FID statistics. */
    public FidStatistics toFidStatistics() {
        return new FidStatistics(mean(), covariance());
    }

    private void requireRows(int needed) {
        if (count < needed) {
            throw new IllegalStateException("feature statistics need at least " + needed + " feature vectors, have "
                    + count);
        }
    }
}
