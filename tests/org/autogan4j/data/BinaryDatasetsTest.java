// CIFAR-10 and STL-10 from tiny files in their binary formats, written here (never committed big
// data): record layout, labels, STL-10's column-major channels and its 96 -> 48 shrink, and the
// messages for missing, truncated and corrupt files.
package org.autogan4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BinaryDatasetsTest {
    private static final int CIFAR_RECORD = 3073;
    private static final int STL_IMAGE = 3 * 96 * 96;

    @TempDir
    Path dir;

    /** Pixel value of CIFAR record r of file f, channel c, row y, column x. */
    private static int cifarPixel(int f, int r, int c, int y, int x) {
        return (f * 31 + r * 17 + c * 50 + y * 3 + x) & 0xFF;
    }

    private void writeCifar(String name, int f, int records) throws IOException {
        byte[] bytes = new byte[records * CIFAR_RECORD];
        for (int r = 0; r < records; r++) {
            bytes[r * CIFAR_RECORD] = (byte) ((f + r) % 10);
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < 32; y++) {
                    for (int x = 0; x < 32; x++) {
                        bytes[r * CIFAR_RECORD + 1 + c * 1024 + y * 32 + x] = (byte) cifarPixel(f, r, c, y, x);
                    }
                }
            }
        }
        Files.write(dir.resolve(name), bytes);
    }

    private void writeCifarTrain(int records) throws IOException {
        for (int f = 0; f < 5; f++) {
            writeCifar("data_batch_" + (f + 1) + ".bin", f, records);
        }
    }

    @Test
    void cifarRecordsBecomeChannelMajorImagesWithLabels() throws IOException {
        writeCifarTrain(2);
        writeCifar("test_batch.bin", 7, 3);
        Dataset train = Cifar10.load(dir, Split.TRAIN, 2);
        assertEquals(10, train.size());
        DatasetException unmarked = assertThrows(DatasetException.class, () -> Cifar10.load(dir, Split.TRAIN));
        assertTrue(unmarked.getMessage().contains("has 6146 bytes, expected 30730000"), unmarked.getMessage());
        Files.createFile(dir.resolve(DatasetSubset.MARKER));
        assertArrayEquals(train.labels(), Cifar10.load(dir, Split.TRAIN).labels(), "2 records a file, from the first");
        assertEquals(3, train.channels());
        assertEquals(32, train.width());
        assertArrayEquals(new int[] {0, 1, 1, 2, 2, 3, 3, 4, 4, 5}, train.labels());
        for (int i = 0; i < 10; i++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(cifarPixel(i / 2, i % 2, c, 5, 9), train.pixel(i, c, 5, 9));
                assertEquals(cifarPixel(i / 2, i % 2, c, 31, 0), train.pixel(i, c, 31, 0));
            }
        }
        Dataset test = Cifar10.load(dir, Split.TEST, 3);
        assertArrayEquals(new int[] {7, 8, 9}, test.labels());
        assertEquals(16, test.resized(16).width());
    }

    @Test
    void cifarMissingTruncatedAndCorruptFiles() throws IOException {
        writeCifarTrain(2);
        Files.delete(dir.resolve("data_batch_3.bin"));
        DatasetException missing = assertThrows(DatasetException.class, () -> Cifar10.load(dir, Split.TRAIN, 2));
        assertTrue(missing.getMessage().contains("data_batch_3.bin is missing"), missing.getMessage());
        assertTrue(missing.getMessage().contains("cifar-10-binary.tar.gz"), missing.getMessage());

        writeCifar("data_batch_3.bin", 2, 2);
        byte[] whole = Files.readAllBytes(dir.resolve("data_batch_3.bin"));
        Files.write(dir.resolve("data_batch_3.bin"), Arrays.copyOf(whole, whole.length - 100));
        DatasetException cut = assertThrows(DatasetException.class, () -> Cifar10.load(dir, Split.TRAIN, 2));
        assertTrue(cut.getMessage().contains("has 6046 bytes, expected 6146 (2 records of 3073 bytes"), cut.getMessage());

        whole[CIFAR_RECORD] = (byte) 200;
        Files.write(dir.resolve("data_batch_3.bin"), whole);
        DatasetException label = assertThrows(DatasetException.class, () -> Cifar10.load(dir, Split.TRAIN, 2));
        assertTrue(label.getMessage().contains("record 1 (byte 3073) has label 200, expected 0..9"), label.getMessage());
        Files.createFile(dir.resolve(DatasetSubset.MARKER));
        DatasetException subset = assertThrows(DatasetException.class, () -> Cifar10.load(dir, Split.TRAIN));
        assertTrue(subset.getMessage().contains("record 1 (byte 3073) has label 200"), "read as 2 records a file: "
                + subset.getMessage());
        Files.write(dir.resolve("data_batch_1.bin"), new byte[100]);
        DatasetException official = assertThrows(DatasetException.class, () -> Cifar10.load(dir, Split.TRAIN));
        assertTrue(official.getMessage().contains("expected 30730000"), official.getMessage());
    }

    /** Row-major value of STL image i, channel c, row y, column x: asymmetric in y and x. */
    private static int stlPixel(int i, int c, int y, int x) {
        return (i * 40 + c * 70 + y * 2 + x * 5 + ((x * y) % 7) * 9) & 0xFF;
    }

    private void writeStl(String name, int first, int images) throws IOException {
        byte[] bytes = new byte[images * STL_IMAGE];
        for (int i = 0; i < images; i++) {
            for (int c = 0; c < 3; c++) {
                for (int x = 0; x < 96; x++) {
                    for (int y = 0; y < 96; y++) {
                        bytes[i * STL_IMAGE + c * 9216 + x * 96 + y] = (byte) stlPixel(first + i, c, y, x);
                    }
                }
            }
        }
        Files.write(dir.resolve(name), bytes);
    }

    private void writeStlSet() throws IOException {
        writeStl("train_X.bin", 0, 2);
        writeStl("unlabeled_X.bin", 2, 3);
        Files.write(dir.resolve("train_y.bin"), new byte[] {10, 3});
    }

    @Test
    void stlColumnMajorChannelsAreTransposedThenShrunkAsPil() throws IOException {
        writeStlSet();
        Dataset d = Stl10.load(dir, 2, 3);
        assertEquals(5, d.size());
        DatasetException unmarked = assertThrows(DatasetException.class, () -> Stl10.load(dir));
        assertTrue(unmarked.getMessage().contains("expected 5000"), unmarked.getMessage());
        Files.createFile(dir.resolve(DatasetSubset.MARKER));
        assertArrayEquals(d.labels(), Stl10.load(dir).labels(), "the files' own counts: 2 labelled, 3 unlabeled");
        assertEquals(48, d.height());
        assertArrayEquals(new int[] {9, 2, -1, -1, -1}, d.labels());
        byte[] rowMajor = new byte[96 * 96];
        byte[] expected = new byte[48 * 48];
        for (int i = 0; i < 5; i++) {
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < 96; y++) {
                    for (int x = 0; x < 96; x++) {
                        rowMajor[y * 96 + x] = (byte) stlPixel(i, c, y, x);
                    }
                }
                PilResize.plane(rowMajor, 0, 96, 96, expected, 0, 48, 48);
                for (int y = 0; y < 48; y++) {
                    for (int x = 0; x < 48; x++) {
                        assertEquals(expected[y * 48 + x] & 0xFF, d.pixel(i, c, y, x), "image " + i + " channel " + c);
                    }
                }
            }
        }
        assertEquals(24, d.resized(24).height());
    }

    @Test
    void stlMissingTruncatedAndBadLabels() throws IOException {
        writeStlSet();
        Files.delete(dir.resolve("unlabeled_X.bin"));
        DatasetException missing = assertThrows(DatasetException.class, () -> Stl10.load(dir, 2, 3));
        assertTrue(missing.getMessage().contains("unlabeled_X.bin is missing"), missing.getMessage());
        assertTrue(missing.getMessage().contains("stl10_binary.tar.gz"), missing.getMessage());

        writeStl("unlabeled_X.bin", 2, 2);
        DatasetException cut = assertThrows(DatasetException.class, () -> Stl10.load(dir, 2, 3));
        assertTrue(cut.getMessage().contains("has 55296 bytes, expected 82944 (3 images of 3x96x96 bytes)"),
                cut.getMessage());

        Files.write(dir.resolve("train_y.bin"), new byte[] {0, 3});
        DatasetException label = assertThrows(DatasetException.class, () -> Stl10.load(dir, 2, 2));
        assertTrue(label.getMessage().contains("label 0 is 0, expected 1..10"), label.getMessage());
    }
}
