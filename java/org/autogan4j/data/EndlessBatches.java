// The real batches of a training run as one endless stream of tensors: the batches of epoch 0, then
// epoch 1, and so on (each epoch's order from BatchLoader's (seed, epoch) shuffle). The stream owns the
// batches: taking the next one closes the previous, and close() closes the last.
package org.autogan4j.data;

import java.util.Iterator;

import org.autogan4j.tensor.Tensor;

public final class EndlessBatches implements Iterator<Tensor>, AutoCloseable {
    private final BatchLoader loader;
    private Iterator<Batch> epochBatches;
    private long epoch;
    private Batch current;

    public EndlessBatches(BatchLoader loader) {
        this.loader = loader;
        this.epochBatches = loader.epoch(0);
    }

    @Override
    public boolean hasNext() {
        return true;
    }

    /** The next real batch x (b, C, H, W) in [-1, 1]; valid until the next call. */
    @Override
    public Tensor next() {
        if (current != null) {
            current.close();
            current = null;
        }
        if (!epochBatches.hasNext()) {
            epoch++;
            epochBatches = loader.epoch(epoch);
        }
        current = epochBatches.next();
        return current.x();
    }

    @Override
    public void close() {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
