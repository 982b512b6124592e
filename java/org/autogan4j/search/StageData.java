// The training images of one search stage as an endless stream of shuffled batches (the original
// rebuilds its loader at 2^(stage+3) px on growth): epochs follow each other, each in the order
// BatchLoader gives for (seed, epoch), and the position (epoch, batch) is the checkpoint state.
package org.autogan4j.search;

import java.util.Iterator;

import org.autogan4j.data.Batch;
import org.autogan4j.data.BatchLoader;
import org.autogan4j.data.Dataset;
import org.autogan4j.tensor.Device;

final class StageData {
    private final BatchLoader loader;
    private long epoch;
    private int batch;
    private Iterator<Batch> batches;

    /** Batches of batchSize from dataset, starting at (epoch, batch). */
    StageData(Dataset dataset, int batchSize, long seed, Device device, long epoch, int batch) {
        this.loader = new BatchLoader(dataset, batchSize, seed, device);
        this.epoch = epoch;
        this.batch = batch;
    }

    /** The next batch (the caller closes it). */
    Batch next() {
        if (batch == loader.batchesPerEpoch()) {
            epoch++;
            batch = 0;
            batches = null;
        }
        if (batches == null) {
            batches = loader.epoch(epoch, batch);
        }
        batch++;
        return batches.next();
    }

    long epoch() {
        return epoch;
    }

    int batch() {
        return batch;
    }
}
