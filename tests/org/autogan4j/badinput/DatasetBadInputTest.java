// Hostile and broken dataset files: gzip bombs in place of Fashion-MNIST's images, idx headers
// declaring impossible counts or sides, files that are not gzip at all, cut label files, CIFAR-10
// and STL-10 files of the wrong size. Each is a DatasetException naming the file, the problem and
// how to get a good copy, raised after reading no more than the header justifies.
package org.autogan4j.badinput;

import static org.autogan4j.badinput.BadInput.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import org.autogan4j.data.Cifar10;
import org.autogan4j.data.DatasetException;
import org.autogan4j.data.FashionMnist;
import org.autogan4j.data.Split;
import org.autogan4j.data.Stl10;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetBadInputTest {
    private static final String IMAGES = "t10k-images-idx3-ubyte";
    private static final String LABELS = "t10k-labels-idx1-ubyte";
    /** Decompressed size of the bombs: more than one Java array could ever hold. */
    private static final int BOMB_MIB = 3 * 1024;

    @TempDir
    Path dir;

    /** An idx file: magic, count, then rows and cols when rows >= 0, then dataBytes bytes of value 3. */
    private static byte[] idx(int magic, int count, int rows, int cols, int dataBytes) {
        ByteBuffer b = ByteBuffer.allocate(16 + dataBytes).putInt(magic).putInt(count);
        if (rows >= 0) {
            b.putInt(rows).putInt(cols);
        }
        for (int i = 0; i < dataBytes; i++) {
            b.put((byte) 3);
        }
        return Arrays.copyOf(b.array(), b.position());
    }

    private Path gz(String name, byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return Files.write(dir.resolve(name + ".gz"), out.toByteArray());
    }

    private void labels(int count) throws IOException {
        gz(LABELS, idx(0x801, count, -1, -1, count));
    }

    private void refusedTest(Path file, String... parts) throws IOException {
        refused(DatasetException.class, dir, file, () -> FashionMnist.load(dir, Split.TEST), parts);
    }

    @Test
    void gzipBombBehindTwoImages() throws IOException {
        Path bomb = Files.write(dir.resolve(IMAGES + ".gz"),
                Bombs.gzip(Bombs.deflate(idx(0x803, 2, 28, 28, 0), BOMB_MIB)));
        labels(2);
        refusedTest(bomb, "holds more than 1584 bytes after decompression, expected 1584 (header + 2 images of "
                + "28x28 bytes)", "apt-get install dataset-fashion-mnist");
    }

    @Test
    void gzipBombBehindAFullTrainingSplit() throws IOException {
        Path bomb = Files.write(dir.resolve("train-images-idx3-ubyte.gz"),
                Bombs.gzip(Bombs.deflate(idx(0x803, FashionMnist.TRAIN_IMAGES, 28, 28, 0), BOMB_MIB)));
        refused(DatasetException.class, dir, bomb, () -> FashionMnist.load(dir, Split.TRAIN),
                "holds more than 47040016 bytes after decompression");
    }

    @Test
    void countsThatNoSplitHas() throws IOException {
        labels(2);
        Path max = gz(IMAGES, idx(0x803, Integer.MAX_VALUE, 28, 28, 0));
        refusedTest(max, "declares 2147483647 images; this split of Fashion-MNIST has 1..10000");
        Path zero = gz(IMAGES, idx(0x803, 0, 28, 28, 0));
        refusedTest(zero, "declares 0 images");
        Path negative = gz(IMAGES, idx(0x803, -1, 28, 28, 0));
        refusedTest(negative, "declares 4294967295 images");
    }

    @Test
    void imagesOfTheWrongSide() throws IOException {
        labels(2);
        Path file = gz(IMAGES, idx(0x803, 2, 28, 29, 2 * 28 * 29));
        refusedTest(file, "images are 28x29, expected Fashion-MNIST's 28x28");
    }

    @Test
    void fileThatIsNotGzip() throws IOException {
        labels(2);
        Path file = Files.write(dir.resolve(IMAGES + ".gz"), idx(0x803, 2, 28, 28, 2 * 784));
        refusedTest(file, "is not a complete gzip file (Not in GZIP format)");
    }

    @Test
    void labelFileCutShort() throws IOException {
        gz(IMAGES, idx(0x803, 2, 28, 28, 2 * 784));
        Path cut = gz(LABELS, idx(0x801, 2, -1, -1, 1));
        refusedTest(cut, "holds 9 bytes after decompression, expected 10 (header + 2 labels of 1 byte)");
    }

    @Test
    void gunzippedFilesAreReadToo() throws IOException {
        Files.write(dir.resolve(IMAGES), idx(0x803, 2, 28, 28, 2 * 784));
        Files.write(dir.resolve(LABELS), idx(0x801, 2, -1, -1, 2));
        assertEquals(2, FashionMnist.load(dir, Split.TEST).size());
        assertEquals(3, FashionMnist.load(dir, Split.TEST).pixel(1, 0, 2, 2), "first pixel inside the padding");
    }

    @Test
    void cifarAndStlFilesOfTheWrongSize() throws IOException {
        Path test = Files.write(dir.resolve("test_batch.bin"), new byte[3073 * 2]);
        refused(DatasetException.class, dir, test, () -> Cifar10.load(dir, Split.TEST),
                "has 6146 bytes, expected 30730000 (10000 records of 3073 bytes");
        Files.write(dir.resolve("train_y.bin"), new byte[Stl10.TRAIN_IMAGES]);
        Path images = Files.write(dir.resolve("train_X.bin"), new byte[27_648]);
        refused(DatasetException.class, dir, images, () -> Stl10.load(dir),
                "has 27648 bytes, expected 138240000 (5000 images of 3x96x96 bytes)");
    }
}
