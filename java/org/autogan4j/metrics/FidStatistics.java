// The Gaussian summary of a set of features that FID compares: mu (d) and sigma (d, d) row-major,
// stored as an .npz with float64 arrays "mu" and "sigma", the layout of TTUR's
// fid_stats_cifar10_train.npz and pytorch-fid's statistics (float32 files are read too).
package org.autogan4j.metrics;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.autogan4j.io.CheckpointException;
import org.autogan4j.io.Npy;
import org.autogan4j.io.Npz;

public record FidStatistics(double[] mu, double[] sigma) {
    public FidStatistics {
        if (mu.length == 0 || sigma.length != (long) mu.length * mu.length) {
            throw new IllegalArgumentException("FID statistics need mu (d) and sigma (d, d) with d >= 1; got "
                    + mu.length + " and " + sigma.length + " values");
        }
    }

    public int dim() {
        return mu.length;
    }

    /** Reads mu and sigma from an .npz file. */
    public static FidStatistics load(Path file) throws IOException {
        Map<String, Npy.Array> arrays = Npz.read(file);
        Npy.Array mu = arrays.get("mu");
        Npy.Array sigma = arrays.get("sigma");
        if (mu == null || sigma == null) {
            throw new CheckpointException(file, "FID statistics need arrays \"mu\" and \"sigma\"; the file has "
                    + arrays.keySet());
        }
        int d = mu.values().length;
        if (mu.shape().length != 1 || sigma.shape().length != 2 || sigma.shape()[0] != d || sigma.shape()[1] != d) {
            throw new CheckpointException(file, "mu must be (d) and sigma (d, d); got mu "
                    + Arrays.toString(mu.shape()) + " and sigma " + Arrays.toString(sigma.shape()));
        }
        return new FidStatistics(mu.values(), sigma.values());
    }

    /** Writes mu and sigma as float64 arrays to an .npz file, atomically. */
    public void save(Path file) throws IOException {
        Map<String, Npy.Array> arrays = new LinkedHashMap<>();
        arrays.put("mu", Npy.Array.of(mu, mu.length));
        arrays.put("sigma", Npy.Array.of(sigma, mu.length, mu.length));
        Npz.write(file, arrays);
    }
}
