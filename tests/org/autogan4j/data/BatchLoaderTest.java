// The shuffling batch loader: the same (seed, epoch) gives the same order, another epoch or seed
// another one, every image exactly once per epoch, a smaller last batch (drop_last off), and
// batches that hold the dataset's images as [-1, 1] floats with their labels.
package org.autogan4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import org.autogan4j.tensor.Device;
import org.junit.jupiter.api.Test;

class BatchLoaderTest {
    /** n images of 1x2x2 whose pixels are 10*i + k, label i % 10. */
    private static Dataset tiny(int n) {
        byte[] pixels = new byte[n * 4];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 10;
            for (int k = 0; k < 4; k++) {
                pixels[i * 4 + k] = (byte) (10 * i + k);
            }
        }
        return new Dataset("tiny", 1, 2, 2, pixels, labels);
    }

    @Test
    void orderIsReproducibleAndDependsOnSeedAndEpoch() {
        Dataset d = tiny(20);
        BatchLoader a = new BatchLoader(d, 8, 42, Device.CPU);
        BatchLoader b = new BatchLoader(d, 8, 42, Device.CPU);
        assertArrayEquals(a.order(3), b.order(3));
        assertFalse(Arrays.equals(a.order(3), a.order(4)), "epochs differ");
        assertFalse(Arrays.equals(a.order(3), new BatchLoader(d, 8, 43, Device.CPU).order(3)), "seeds differ");
        int[] sorted = a.order(3);
        Arrays.sort(sorted);
        for (int i = 0; i < 20; i++) {
            assertEquals(i, sorted[i], "every image exactly once");
        }
    }

    @Test
    void lastBatchIsSmallerAndBatchesHoldTheImages() {
        Dataset d = tiny(20);
        BatchLoader loader = new BatchLoader(d, 8, 7, Device.CPU);
        assertEquals(3, loader.batchesPerEpoch());
        List<Integer> sizes = new ArrayList<>();
        List<Integer> seen = new ArrayList<>();
        Iterator<Batch> epoch = loader.epoch(0);
        while (epoch.hasNext()) {
            try (Batch batch = epoch.next()) {
                sizes.add(batch.size());
                assertArrayEquals(new int[] {batch.size(), 1, 2, 2}, batch.x().shape().dims());
                float[] x = batch.x().toArray();
                int[] indices = batch.indices();
                for (int b = 0; b < indices.length; b++) {
                    seen.add(indices[b]);
                    assertEquals(indices[b] % 10, batch.labels()[b]);
                    for (int k = 0; k < 4; k++) {
                        assertEquals((((10 * indices[b] + k) & 0xFF) / 255f - 0.5f) / 0.5f, x[b * 4 + k], 0f);
                    }
                }
            }
        }
        assertEquals(List.of(8, 8, 4), sizes);
        int[] order = loader.order(0);
        for (int i = 0; i < 20; i++) {
            assertEquals(order[i], seen.get(i), "batches follow order(epoch)");
        }
        assertThrows(java.util.NoSuchElementException.class, epoch::next);
    }

    @Test
    void floatConversionIsTorchvisionsAndRejectsBadSizes() {
        assertEquals(-1f, Dataset.toFloat(0), 0f);
        assertEquals(1f, Dataset.toFloat(255), 0f);
        assertEquals((128 / 255f - 0.5f) / 0.5f, Dataset.toFloat(128), 0f);
        assertThrows(IllegalArgumentException.class, () -> new BatchLoader(tiny(3), 0, 1, Device.CPU));
        assertThrows(IllegalArgumentException.class, () -> tiny(3).resized(3));
    }
}
