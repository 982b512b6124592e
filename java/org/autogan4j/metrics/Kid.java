// The Kernel Inception Distance (Binkowski et al., 2018) as torch-fidelity computes it by default: for
// each of `subsets` draws, subsetSize rows of each feature set chosen without replacement by numpy's
// RandomState(seed) (torch-fidelity's rng_seed 2020; first set, then second), the unbiased MMD^2
//     (sum_{i != j} k(x_i, x_j) + sum_{i != j} k(y_i, y_j)) / (m (m - 1)) - 2 sum_{i, j} k(x_i, y_j) / m^2
// with the cubic polynomial kernel k(x, y) = (x.y / d + 1)^3; reported as the mean and the standard
// deviation (ddof 0) over the subsets. The dot products are one gemm per kernel matrix on the given
// device (float32, as torch-fidelity's numpy matmul; TF32 where CUDA enables it); the kernel values
// and sums run in double.
package org.autogan4j.metrics;

import java.util.Locale;

import org.autogan4j.tensor.Backend;
import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;

public final class Kid {
    /** torch-fidelity's kid_subsets. */
    public static final int DEFAULT_SUBSETS = 100;
    /** torch-fidelity's kid_subset_size. */
    public static final int DEFAULT_SUBSET_SIZE = 1000;
    /** torch-fidelity's rng_seed. */
    public static final long DEFAULT_SEED = 2020;

    /** The KID: mean and standard deviation of the subsets' MMD^2 estimates. */
    public record Result(double mean, double std, int subsets, int subsetSize) {
        /** "KID 0.001234 +- 0.000210 (100 subsets of 1000)". */
        public String format() {
            return String.format(Locale.ROOT, "KID %.6f +- %.6f (%d subsets of %d)", mean, std, subsets, subsetSize);
        }
    }

    private Kid() {
    }

    /** KID between a and b with torch-fidelity's defaults (100 subsets of 1000, seed 2020). */
    public static Result compute(FeatureRows a, FeatureRows b, Device device) {
        return compute(a, b, DEFAULT_SUBSETS, DEFAULT_SUBSET_SIZE, DEFAULT_SEED, device);
    }

    /** KID between the feature sets a and b (same dim), gemms on device. */
    public static Result compute(FeatureRows a, FeatureRows b, int subsets, int subsetSize, long seed, Device device) {
        if (a.dim() != b.dim()) {
            throw new IllegalArgumentException("KID needs features of one dimension; got " + a.dim() + "-d and "
                    + b.dim() + "-d");
        }
        if (subsets < 1 || subsetSize < 2) {
            throw new IllegalArgumentException("KID needs >= 1 subsets of >= 2 rows; got " + subsets + " of " + subsetSize);
        }
        if (a.count() < subsetSize || b.count() < subsetSize) {
            throw new IllegalArgumentException("KID subsets of " + subsetSize + " need at least that many images in "
                    + "each set; got " + a.count() + " and " + b.count() + " (use a smaller --kid-subset-size)");
        }
        NumpyRandomState rng = new NumpyRandomState(seed);
        double[] estimates = new double[subsets];
        int d = a.dim();
        try (Tensor x = Tensor.empty(device, subsetSize, d);
                Tensor y = Tensor.empty(device, subsetSize, d);
                Tensor dots = Tensor.empty(device, subsetSize, subsetSize)) {
            for (int s = 0; s < subsets; s++) {
                x.copyFrom(a.gather(rng.choice(a.count(), subsetSize)));
                y.copyFrom(b.gather(rng.choice(b.count(), subsetSize)));
                double xx = kernelSum(x, x, dots, d, false);
                double yy = kernelSum(y, y, dots, d, false);
                double xy = kernelSum(x, y, dots, d, true);
                double m = subsetSize;
                estimates[s] = (xx + yy) / (m * (m - 1)) - 2 * xy / (m * m);
            }
        }
        double mean = 0;
        for (double e : estimates) {
            mean += e;
        }
        mean /= subsets;
        double variance = 0;
        for (double e : estimates) {
            variance += (e - mean) * (e - mean);
        }
        return new Result(mean, Math.sqrt(variance / subsets), subsets, subsetSize);
    }

    /** Sum of (x_i.y_j / d + 1)^3 over all i, j, or over i != j when withDiagonal is false. */
    private static double kernelSum(Tensor x, Tensor y, Tensor dots, int d, boolean withDiagonal) {
        Backend backend = x.backend();
        backend.fill(dots, 0f);
        backend.gemm(false, true, 1f / d, x, y, 0f, dots);
        float[] k = dots.toArray();
        int m = dots.dim(0);
        double sum = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                if (withDiagonal || i != j) {
                    double v = k[i * m + j] + 1.0;
                    sum += v * v * v;
                }
            }
        }
        return sum;
    }
}
