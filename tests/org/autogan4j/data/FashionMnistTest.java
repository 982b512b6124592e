// Fashion-MNIST: the real files of Debian's dataset-fashion-mnist (counts, labels and pixel sums
// computed with numpy from the same files, the 2-pixel padding, a PIL-made 8x8 stage image), and
// tiny hand-written idx files that are missing, truncated or mislabelled, with their messages.
package org.autogan4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionMnistTest {
    private static Dataset train;

    @TempDir
    Path dir;

    private static Dataset realTrain() throws IOException {
        assumeTrue(Files.exists(FashionMnist.DEFAULT_FOLDER.resolve("train-images-idx3-ubyte.gz")),
                "Fashion-MNIST is not installed in " + FashionMnist.DEFAULT_FOLDER + " (apt-get install dataset-fashion-mnist)");
        if (train == null) {
            train = FashionMnist.load(FashionMnist.DEFAULT_FOLDER, Split.TRAIN);
        }
        return train;
    }

    @Test
    void realTrainingSetHasNumpysCountsLabelsAndSums() throws IOException {
        Dataset d = realTrain();
        assertEquals(60_000, d.size());
        assertEquals(1, d.channels());
        assertEquals(32, d.height());
        assertArrayEquals(new int[] {9, 0, 0, 3, 0}, Arrays.copyOf(d.labels(), 5));
        long first = 0;
        long all = 0;
        for (int i = 0; i < d.size(); i++) {
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    int p = d.pixel(i, 0, y, x);
                    all += p;
                    first += i == 0 ? p : 0;
                }
            }
        }
        assertEquals(76_247, first, "sum of image 0 (numpy)");
        assertEquals(3_431_114_169L, all, "sum of all training pixels (numpy)");
        assertEquals(193, d.pixel(0, 0, 12, 15), "image 0, row 10, column 13 of the file, moved by the padding");
    }

    @Test
    void paddingIsTwoBlackPixelsThatBecomeMinusOne() throws IOException {
        Dataset d = realTrain();
        float[] image = new float[32 * 32];
        d.copyImage(0, image, 0);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                if (y < 2 || y >= 30 || x < 2 || x >= 30) {
                    assertEquals(-1f, image[y * 32 + x], "border pixel " + y + "," + x);
                }
            }
        }
        assertEquals((193 / 255f - 0.5f) / 0.5f, image[12 * 32 + 15], 0f);
    }

    @Test
    void realTestSetAndPilStage() throws IOException {
        Dataset stage0 = realTrain().resized(8);
        Dataset test = FashionMnist.load(FashionMnist.DEFAULT_FOLDER, Split.TEST);
        assertEquals(10_000, test.size());
        assertArrayEquals(new int[] {9, 2, 1, 1, 6}, Arrays.copyOf(test.labels(), 5));
        int[][] pil = {{0, 0, 0, 0, 1, 0, 0, 0}, {0, 0, 0, 8, 64, 33, 12, 6}, {0, 0, 0, 43, 190, 170, 135, 53},
            {0, 0, 1, 78, 212, 215, 205, 65}, {16, 62, 98, 171, 212, 217, 213, 65}, {71, 194, 207, 203, 193, 205, 205, 82},
            {21, 101, 150, 157, 146, 139, 117, 40}, {0, 3, 12, 12, 7, 6, 4, 0}};
        assertEquals(60_000, stage0.size());
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                assertEquals(pil[y][x], stage0.pixel(0, 0, y, x), "PIL's 8x8 of padded image 0 at " + y + "," + x);
            }
        }
    }

    @Test
    void missingFileNamesItAndHowToGetIt() {
        DatasetException e = assertThrows(DatasetException.class, () -> FashionMnist.load(dir, Split.TRAIN));
        assertTrue(e.getMessage().contains(dir.resolve("train-images-idx3-ubyte.gz").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("apt-get install dataset-fashion-mnist"), e.getMessage());
    }

    @Test
    void badMagicNamesFoundAndExpected() throws IOException {
        writeGz("t10k-images-idx3-ubyte.gz", idx(0x801, 2, 28, 28, 2 * 784));
        writeGz("t10k-labels-idx1-ubyte.gz", idx(0x801, 2, -1, -1, 2));
        DatasetException e = assertThrows(DatasetException.class, () -> FashionMnist.load(dir, Split.TEST));
        assertTrue(e.getMessage().contains("magic number 0x00000801, expected 0x00000803"), e.getMessage());
        assertTrue(e.getMessage().contains("t10k-images-idx3-ubyte.gz"), e.getMessage());
    }

    @Test
    void shortDataAndCountMismatchAndBrokenGzip() throws IOException {
        writeGz("t10k-images-idx3-ubyte.gz", idx(0x803, 2, 28, 28, 784 + 5));
        writeGz("t10k-labels-idx1-ubyte.gz", idx(0x801, 2, -1, -1, 2));
        DatasetException shortData = assertThrows(DatasetException.class, () -> FashionMnist.load(dir, Split.TEST));
        assertTrue(shortData.getMessage().contains("expected 1584"), shortData.getMessage());

        writeGz("t10k-images-idx3-ubyte.gz", idx(0x803, 2, 28, 28, 2 * 784));
        writeGz("t10k-labels-idx1-ubyte.gz", idx(0x801, 3, -1, -1, 3));
        DatasetException mismatch = assertThrows(DatasetException.class, () -> FashionMnist.load(dir, Split.TEST));
        assertTrue(mismatch.getMessage().contains("3 labels but"), mismatch.getMessage());

        writeGz("t10k-labels-idx1-ubyte.gz", idx(0x801, 2, -1, -1, 2));
        assertEquals(2, FashionMnist.load(dir, Split.TEST).size(), "the repaired tiny files load");
        byte[] whole = Files.readAllBytes(dir.resolve("t10k-images-idx3-ubyte.gz"));
        Files.write(dir.resolve("t10k-images-idx3-ubyte.gz"), Arrays.copyOf(whole, whole.length / 2));
        DatasetException cut = assertThrows(DatasetException.class, () -> FashionMnist.load(dir, Split.TEST));
        assertTrue(cut.getMessage().contains("not a complete gzip file"), cut.getMessage());
    }

    /** An idx file: magic, count, then rows and cols when >= 0, then dataBytes bytes of value 7. */
    private static byte[] idx(int magic, int count, int rows, int cols, int dataBytes) {
        ByteBuffer b = ByteBuffer.allocate(16 + dataBytes).putInt(magic).putInt(count);
        if (rows >= 0) {
            b.putInt(rows).putInt(cols);
        }
        for (int i = 0; i < dataBytes; i++) {
            b.put((byte) 7);
        }
        return Arrays.copyOf(b.array(), b.position());
    }

    private void writeGz(String name, byte[] bytes) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve(name)))) {
            out.write(bytes);
        }
    }
}
