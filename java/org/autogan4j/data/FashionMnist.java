// Fashion-MNIST from its four idx .gz files (Debian's dataset-fashion-mnist puts them in
// /usr/share/datasets/fashion-mnist; any folder holding the same file names works, and so do the
// files gunzipped, without ".gz"). The 28x28 grayscale images are padded with 2 black pixels on
// each side to 32x32, the generator's resolution, so the border becomes -1 after scaling to [-1, 1].
// Nothing a header says is believed unchecked: the count must be 1 up to the split's official size
// and fit in the heap, and the decompressed stream is read for exactly the bytes that count needs
// plus one, so a gzip bomb is refused after at most 47 MB instead of ending in OutOfMemoryError.
package org.autogan4j.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import org.autogan4j.io.Limits;

public final class FashionMnist {
    /** Where Debian's dataset-fashion-mnist package installs the files. */
    public static final Path DEFAULT_FOLDER = Path.of("/usr/share/datasets/fashion-mnist");
    /** The padded image side. */
    public static final int SIZE = 32;
    /** Images in the official splits: the most a file of that split may declare. */
    public static final int TRAIN_IMAGES = 60_000;
    public static final int TEST_IMAGES = 10_000;

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
        int official = split == Split.TRAIN ? TRAIN_IMAGES : TEST_IMAGES;
        Path imagesFile = find(folder, prefix + "-images-idx3-ubyte");
        Path labelsFile = find(folder, prefix + "-labels-idx1-ubyte");
        byte[] images = read(imagesFile, IMAGES_MAGIC, 16, SIDE * SIDE, official, "images", "of 28x28 bytes");
        int count = images.length / (SIDE * SIDE);
        byte[] labelBytes = read(labelsFile, LABELS_MAGIC, 8, 1, official, "labels", "of 1 byte");
        if (labelBytes.length != count) {
            throw new DatasetException(labelsFile + " has " + labelBytes.length + " labels but " + imagesFile + " has "
                    + count + " images; the two files must come from the same split. " + HOW_TO_GET);
        }
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = labelBytes[i] & 0xFF;
            if (labels[i] > 9) {
                throw new DatasetException(labelsFile + ": label " + i + " is " + labels[i] + ", expected 0..9; "
                        + HOW_TO_GET);
            }
        }
        Limits.checkAllocation((long) count * SIZE * SIZE, 1, "the " + count + " padded images",
                problem -> new DatasetException(imagesFile + ": " + problem));
        return new Dataset("fashion-mnist-" + prefix, 1, SIZE, SIZE, pad(images, count), labels);
    }

    /** folder/name.gz, or folder/name when only the gunzipped file is there. */
    private static Path find(Path folder, String name) {
        Path gz = folder.resolve(name + ".gz");
        if (Files.isRegularFile(gz) || !Files.isRegularFile(folder.resolve(name))) {
            return gz;
        }
        return folder.resolve(name);
    }

    private static byte[] pad(byte[] images, int count) {
        byte[] padded = new byte[count * SIZE * SIZE];
        for (int i = 0; i < count; i++) {
            for (int y = 0; y < SIDE; y++) {
                System.arraycopy(images, (i * SIDE + y) * SIDE, padded, (i * SIZE + y + PAD) * SIZE + PAD, SIDE);
            }
        }
        return padded;
    }

    /**
     * The items of one idx file after its header (magic, count, then for images rows and cols of 28):
     * count * itemBytes bytes, the count checked against official and the heap before they are read.
     */
    private static byte[] read(Path file, int magic, int headerBytes, int itemBytes, int official, String noun,
                               String layout) throws IOException {
        try (InputStream in = open(file)) {
            byte[] header = in.readNBytes(headerBytes);
            if (header.length < headerBytes) {
                throw new DatasetException(file + " holds " + header.length + " bytes after decompression, less than "
                        + "its " + headerBytes + "-byte idx header; " + HOW_TO_GET);
            }
            ByteBuffer fields = ByteBuffer.wrap(header);
            int found = fields.getInt();
            if (found != magic) {
                throw new DatasetException(String.format("%s: magic number 0x%08x, expected 0x%08x (idx%d %s); %s",
                        file, found, magic, headerBytes / 4 - 1, noun, HOW_TO_GET));
            }
            int count = fields.getInt();
            if (headerBytes == 16 && (fields.getInt() != SIDE || fields.getInt(12) != SIDE)) {
                throw new DatasetException(file + ": images are " + fields.getInt(8) + "x" + fields.getInt(12)
                        + ", expected Fashion-MNIST's " + SIDE + "x" + SIDE + "; " + HOW_TO_GET);
            }
            if (count < 1 || count > official) {
                throw new DatasetException(file + " declares " + Integer.toUnsignedString(count) + " " + noun
                        + "; this split of Fashion-MNIST has 1.." + official + ": the file is corrupt. " + HOW_TO_GET);
            }
            long expected = headerBytes + (long) count * itemBytes;
            Limits.checkAllocation((long) count * itemBytes, 1, "the " + count + " " + noun,
                    problem -> new DatasetException(file + ": " + problem));
            byte[] items = new byte[count * itemBytes];
            int read = in.readNBytes(items, 0, items.length);
            if (read < items.length || in.read() >= 0) {
                throw new DatasetException(file + " holds " + (read < items.length ? headerBytes + read + " bytes"
                        : "more than " + expected + " bytes") + " after decompression, expected " + expected
                        + " (header + " + count + " " + noun + " " + layout + "); it is truncated or corrupt: "
                        + HOW_TO_GET);
            }
            return items;
        } catch (NoSuchFileException e) {
            throw new DatasetException("Fashion-MNIST file " + file + " is missing; " + HOW_TO_GET);
        } catch (ZipException | EOFException e) {
            throw new DatasetException(file + " is not a complete gzip file (" + e.getMessage()
                    + "); it is truncated or corrupt: " + HOW_TO_GET, e);
        }
    }

    private static InputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        if (!file.getFileName().toString().endsWith(".gz")) {
            return raw;
        }
        try {
            return new GZIPInputStream(raw, 1 << 16);
        } catch (IOException e) {
            raw.close();
            throw e;
        }
    }
}
