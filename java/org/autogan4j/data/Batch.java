// One batch from a BatchLoader: the images as a tensor x (B, C, H, W) in [-1, 1] on the loader's
// device, their labels and their indices in the dataset. Closing the batch frees the tensor.
package org.autogan4j.data;

import org.autogan4j.tensor.Tensor;

public final class Batch implements AutoCloseable {
    private final Tensor x;
    private final int[] labels;
    private final int[] indices;

    Batch(Tensor x, int[] labels, int[] indices) {
        this.x = x;
        this.labels = labels;
        this.indices = indices;
    }

    /** The images, (B, C, H, W), owned by this batch. */
    public Tensor x() {
        return x;
    }

    public int size() {
        return indices.length;
    }

    /** The labels (-1 for unlabeled images), a copy. */
    public int[] labels() {
        return labels.clone();
    }

    /** Which dataset images these are, in batch order, a copy. */
    public int[] indices() {
        return indices.clone();
    }

    @Override
    public void close() {
        x.close();
    }
}
