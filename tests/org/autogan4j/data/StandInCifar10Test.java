// The stand-in CIFAR-10 files load through the real reader (sizes, labels, pixel layout).
package org.autogan4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandInCifar10Test {
    @TempDir
    Path dir;

    @Test
    void filesLoadAsCifar10() throws Exception {
        int records = 13;
        StandInCifar10.write(dir, records);
        Dataset train = Cifar10.load(dir, Split.TRAIN, records);
        Dataset test = Cifar10.load(dir, Split.TEST, records);
        assertEquals(5 * records, train.size());
        assertEquals(records, test.size());
        byte[] file = Files.readAllBytes(dir.resolve("data_batch_2.bin"));
        int recordBytes = 1 + 3 * 32 * 32;
        for (int r = 0; r < records; r++) {
            assertEquals(r % 10, train.label(records + r), "label of record " + r + " of data_batch_2");
            assertEquals(r % 10, file[r * recordBytes]);
        }
        byte[] first = Arrays.copyOfRange(file, 1, recordBytes);
        byte[] second = Arrays.copyOfRange(file, recordBytes + 1, 2 * recordBytes);
        assertNotEquals(Arrays.toString(first), Arrays.toString(second), "records must differ");
        byte[] loaded = new byte[recordBytes - 1];
        for (int k = 0; k < loaded.length; k++) {
            loaded[k] = (byte) train.pixel(records, k / 1024, k / 32 % 32, k % 32);
        }
        assertArrayEquals(first, loaded, "pixels of data_batch_2's first record, (C, H, W)");
    }
}
