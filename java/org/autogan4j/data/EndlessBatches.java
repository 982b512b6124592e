// The real batches of a training run as one endless stream of tensors: the batches of epoch 0, then
// epoch 1, and so on (each epoch's order from BatchLoader's (seed, epoch) shuffle). The stream owns the
// batches: taking the next one closes the previous, and close() closes the last. Its position (epoch,
// batch) is checkpoint state: a stream started there continues with the same batches.
package org.autogan4j.data;

import java.util.Iterator;

import org.autogan4j.tensor.Tensor;

public final class EndlessBatches implements Iterator<Tensor>, AutoCloseable {
    private final BatchLoader loader;
    private Iterator<Batch> epochBatches;
    private long epoch;
    private int batch;
    private Batch current;

    public EndlessBatches(BatchLoader loader) {
        this(loader, 0, 0);
    }

    /** A stream resumed at batch number batch of epoch (a saved position). */
    public EndlessBatches(BatchLoader loader, long epoch, int batch) {
        this.loader = loader;
        this.epoch = epoch;
        this.batch = batch;
        this.epochBatches = loader.epoch(epoch, batch);
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
            batch = 0;
            epochBatches = loader.epoch(epoch);
        }
        current = epochBatches.next();
        batch++;
        return current.x();
    }

    /** The epoch of the next batch's position. */
    public long epoch() {
        return epoch;
    }

    /** Batches already taken from epoch(). */
    public int batch() {
        return batch;
    }

    @Override
    public void close() {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
