// Shuffled mini-batches of a Dataset, like the original's DataLoader(shuffle=True, drop_last=False):
// each epoch visits every image once in an order that depends only on (seed, epoch), so a resumed
// run sees the same batches; the last batch of an epoch is smaller when the size does not divide
// (CIFAR-10 with 64: 781 batches of 64, then one of 16). Batches are tensors on the chosen device.
package org.autogan4j.data;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;

public final class BatchLoader {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private final Dataset dataset;
    private final int batchSize;
    private final long seed;
    private final Device device;

    public BatchLoader(Dataset dataset, int batchSize, long seed, Device device) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size is " + batchSize + "; it must be >= 1");
        }
        this.dataset = dataset;
        this.batchSize = batchSize;
        this.seed = seed;
        this.device = device;
    }

    public Dataset dataset() {
        return dataset;
    }

    /** Batches in one epoch: ceil(N / batchSize), the original's len(loader). */
    public int batchesPerEpoch() {
        return (dataset.size() + batchSize - 1) / batchSize;
    }

    /** The order in which epoch visits the images: a Fisher-Yates shuffle seeded by (seed, epoch). */
    public int[] order(long epoch) {
        int n = dataset.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed + GOLDEN_GAMMA * (epoch + 1));
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    /** The batches of one epoch, made one at a time as the iterator advances; the caller closes each. */
    public Iterator<Batch> epoch(long epoch) {
        return epoch(epoch, 0);
    }

    /** The batches of epoch from batch number fromBatch on (resuming inside an epoch). */
    public Iterator<Batch> epoch(long epoch, int fromBatch) {
        if (fromBatch < 0 || fromBatch > batchesPerEpoch()) {
            throw new IllegalArgumentException("an epoch has " + batchesPerEpoch() + " batches; cannot start at batch "
                    + fromBatch);
        }
        int[] order = order(epoch);
        return new Iterator<>() {
            private int next = fromBatch * batchSize;

            @Override
            public boolean hasNext() {
                return next < order.length;
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("epoch " + epoch + " has only " + batchesPerEpoch() + " batches");
                }
                int size = Math.min(batchSize, order.length - next);
                Batch batch = batch(order, next, size);
                next += size;
                return batch;
            }
        };
    }

    private Batch batch(int[] order, int from, int size) {
        int imageSize = dataset.imageSize();
        float[] data = new float[size * imageSize];
        int[] labels = new int[size];
        int[] indices = new int[size];
        for (int b = 0; b < size; b++) {
            indices[b] = order[from + b];
            labels[b] = dataset.label(indices[b]);
            dataset.copyImage(indices[b], data, b * imageSize);
        }
        Tensor x = Tensor.of(device, data, size, dataset.channels(), dataset.height(), dataset.width());
        return new Batch(x, labels, indices);
    }
}
