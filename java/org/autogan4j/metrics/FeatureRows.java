// Every feature vector of a set of images, (count, dim) row-major, kept for KID (which draws random
// subsets of the rows; FID only needs FeatureStatistics). Grows as batches arrive; one Java array
// holds it, so 2048-d features of about a million images are the limit (50,000 take 400 MB).
package org.autogan4j.metrics;

import java.util.Arrays;

public final class FeatureRows {
    private final int dim;
    private float[] values = new float[0];
    private int count;

    public FeatureRows(int dim) {
        if (dim < 1) {
            throw new IllegalArgumentException("feature dimension must be >= 1, got " + dim);
        }
        this.dim = dim;
    }

    /** Adds rows feature vectors: features (rows, dim) row-major. */
    public void add(float[] features, int rows) {
        if ((long) rows * dim != features.length) {
            throw new IllegalArgumentException("a batch of " + rows + " rows of " + dim + " features needs "
                    + (long) rows * dim + " values, got " + features.length);
        }
        long needed = (long) (count + rows) * dim;
        if (needed > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("KID keeps every feature in memory and " + (count + rows) + " rows of "
                    + dim + " features do not fit one array; score fewer images");
        }
        if (needed > values.length) {
            values = Arrays.copyOf(values, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, 2L * values.length)));
        }
        System.arraycopy(features, 0, values, count * dim, features.length);
        count += rows;
    }

    public int dim() {
        return dim;
    }

    public int count() {
        return count;
    }

    /** Copies row into dst at offset. */
    public void copyRow(int row, float[] dst, int offset) {
        if (row < 0 || row >= count) {
            throw new IndexOutOfBoundsException("row " + row + " of " + count);
        }
        System.arraycopy(values, row * dim, dst, offset, dim);
    }

    /** The rows given by index, gathered (index.length, dim). */
    public float[] gather(int[] index) {
        float[] out = new float[index.length * dim];
        for (int i = 0; i < index.length; i++) {
            copyRow(index[i], out, i * dim);
        }
        return out;
    }
}
