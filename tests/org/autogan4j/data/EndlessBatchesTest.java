// EndlessBatches: a stream resumed at another stream's saved position (epoch, batch) yields exactly the
// batches the first stream goes on to yield, across epoch boundaries (10 images in batches of 4: 4, 4,
// 2 per epoch), including a position saved right after an epoch's last batch.
package org.autogan4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.autogan4j.tensor.Device;
import org.junit.jupiter.api.Test;

class EndlessBatchesTest {
    private static Dataset tenImages() {
        byte[] pixels = new byte[10 * 2 * 2];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) i;
        }
        return new Dataset("ten", 1, 2, 2, pixels, new int[10]);
    }

    @Test
    void resumedStreamContinuesWithTheSameBatches() {
        BatchLoader loader = new BatchLoader(tenImages(), 4, 9, Device.CPU);
        for (int taken = 0; taken <= 7; taken++) {
            try (EndlessBatches whole = new EndlessBatches(loader)) {
                for (int i = 0; i < taken; i++) {
                    whole.next();
                }
                try (EndlessBatches resumed = new EndlessBatches(loader, whole.epoch(), whole.batch())) {
                    for (int i = 0; i < 5; i++) {
                        float[] expected = whole.next().toArray();
                        assertArrayEquals(expected, resumed.next().toArray(), 0f, "after " + taken + " batches");
                    }
                    assertEquals(whole.epoch(), resumed.epoch());
                    assertEquals(whole.batch(), resumed.batch());
                }
            }
        }
    }
}
