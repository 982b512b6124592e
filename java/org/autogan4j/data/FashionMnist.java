// Fashion-MNIST from its four idx .gz files (Debian's dataset-fashion-mnist puts them in
// /usr/share/datasets/fashion-mnist; any folder holding the same file names works). The 28x28
// grayscale images are padded with 2 black pixels on each side to 32x32, the generator's
// resolution, so the border becomes -1 after scaling to [-1, 1].
package org.autogan4j.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

public final class FashionMnist {
    /** Where Debian's dataset-fashion-mnist package installs the files. */
    public static final Path DEFAULT_FOLDER = Path.of("/usr/share/datasets/fashion-mnist");
    /** The padded image side. */
    public static final int SIZE = 32;

    private static final int IMAGES_MAGIC = 0x00000803;
    private static final int LABELS_MAGIC = 0x00000801;
    private static final int SIDE = 28;
    private static final int PAD = (SIZE - SIDE) / 2;
    private static final String HOW_TO_GET = "install it with `apt-get install dataset-fashion-mnist` (files in "
            + DEFAULT_FOLDER + ") or download the four .gz files from "
            + "https://github.com/zalandoresearch/fashion-mnist (data/fashion) into one folder and pass that folder";

    private FashionMnist() {
    }

    /** The split from folder, as 1x32x32 images with labels 0..9. */
    public static Dataset load(Path folder, Split split) throws IOException {
        String prefix = split == Split.TRAIN ? "train" : "t10k";
        Path imagesFile = folder.resolve(prefix + "-images-idx3-ubyte.gz");
        Path labelsFile = folder.resolve(prefix + "-labels-idx1-ubyte.gz");
        byte[] images = readGzip(imagesFile);
        byte[] labelBytes = readGzip(labelsFile);
        int count = header(imagesFile, images, IMAGES_MAGIC, 16, "idx3 images");
        int rows = readInt(images, 8);
        int cols = readInt(images, 12);
        if (rows != SIDE || cols != SIDE) {
            throw new DatasetException(imagesFile + ": images are " + rows + "x" + cols + ", expected Fashion-MNIST's "
                    + SIDE + "x" + SIDE + "; " + HOW_TO_GET);
        }
        expectLength(imagesFile, images, 16L + (long) count * SIDE * SIDE, count + " images of 28x28 bytes");
        int labelCount = header(labelsFile, labelBytes, LABELS_MAGIC, 8, "idx1 labels");
        expectLength(labelsFile, labelBytes, 8L + labelCount, labelCount + " label bytes");
        if (labelCount != count) {
            throw new DatasetException(labelsFile + " has " + labelCount + " labels but " + imagesFile + " has "
                    + count + " images; the two files must come from the same split. " + HOW_TO_GET);
        }
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = labelBytes[8 + i] & 0xFF;
            if (labels[i] > 9) {
                throw new DatasetException(labelsFile + ": label " + i + " is " + labels[i] + ", expected 0..9; "
                        + HOW_TO_GET);
            }
        }
        return new Dataset("fashion-mnist-" + prefix, 1, SIZE, SIZE, pad(images, count), labels);
    }

    private static byte[] pad(byte[] images, int count) {
        byte[] padded = new byte[count * SIZE * SIZE];
        for (int i = 0; i < count; i++) {
            for (int y = 0; y < SIDE; y++) {
                System.arraycopy(images, 16 + (i * SIDE + y) * SIDE, padded, (i * SIZE + y + PAD) * SIZE + PAD, SIDE);
            }
        }
        return padded;
    }

    private static byte[] readGzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            return in.readAllBytes();
        } catch (NoSuchFileException e) {
            throw new DatasetException("Fashion-MNIST file " + file + " is missing; " + HOW_TO_GET);
        } catch (ZipException | EOFException e) {
            throw new DatasetException(file + " is not a complete gzip file (" + e.getMessage()
                    + "); it is truncated or corrupt: " + HOW_TO_GET, e);
        }
    }

    /** Checks the magic number and returns the item count of an idx file. */
    private static int header(Path file, byte[] bytes, int magic, int headerBytes, String kind) throws IOException {
        if (bytes.length < headerBytes) {
            throw new DatasetException(file + " holds " + bytes.length + " bytes after decompression, less than the "
                    + headerBytes + "-byte " + kind + " header; " + HOW_TO_GET);
        }
        int found = readInt(bytes, 0);
        if (found != magic) {
            throw new DatasetException(String.format("%s: magic number 0x%08x, expected 0x%08x (%s); %s",
                    file, found, magic, kind, HOW_TO_GET));
        }
        return readInt(bytes, 4);
    }

    private static void expectLength(Path file, byte[] bytes, long expected, String what) throws IOException {
        if (bytes.length != expected) {
            throw new DatasetException(file + " holds " + bytes.length + " bytes after decompression, expected "
                    + expected + " (header + " + what + "); it is truncated or corrupt: " + HOW_TO_GET);
        }
    }

    private static int readInt(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }
}
