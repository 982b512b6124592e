// STL-10 in its binary version (the folder stl10_binary from stl10_binary.tar.gz), split
// "train+unlabeled" as AutoGAN uses it: train_X.bin (5,000 images, labels 1..10 in train_y.bin)
// then unlabeled_X.bin (100,000 images, label -1). Each image is 3x96x96 bytes, each channel
// stored column by column (the format's MATLAB order); it is transposed to row-major and shrunk to
// 48x48 with PIL's bilinear filter while reading, so the 2.8 GB of 96x96 pixels never sit in memory.
// Every file's size is checked before it is read, and the 48x48 pixels against the free heap. A folder
// marked as a subset (DatasetSubset) may hold smaller files in the same format (train_y.bin's length
// giving the labelled images, unlabeled_X.bin a whole number of images): test fixtures and quick checks.
package org.autogan4j.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.autogan4j.io.Limits;

public final class Stl10 {
    /** Where the archive is expected to be unpacked by default (relative to the working directory). */
    public static final Path DEFAULT_FOLDER = Path.of("data", "stl10_binary");
    public static final int SIZE = 48;
    public static final int CHANNELS = 3;
    public static final int TRAIN_IMAGES = 5_000;
    public static final int UNLABELED_IMAGES = 100_000;

    private static final int FILE_SIZE = 96;
    private static final int IMAGE_BYTES = CHANNELS * FILE_SIZE * FILE_SIZE;
    private static final String IMAGES = " images of 3x96x96 bytes";
    private static final String HOW_TO_GET = "download stl10_binary.tar.gz from "
            + "http://ai.stanford.edu/~acoates/stl10/stl10_binary.tar.gz and unpack it (tar xzf) so that the folder "
            + "stl10_binary holds train_X.bin, train_y.bin and unlabeled_X.bin";

    private Stl10() {
    }

    /**
     * train+unlabeled from folder (stl10_binary), as 3x48x48 images; labels 0..9, or -1 when unlabeled.
     * In a folder marked as a subset the counts are the files' (train_y.bin's bytes, unlabeled_X.bin's whole
     * images) where those are 1..5,000 and 1..100,000, else the official ones and their size errors.
     */
    public static Dataset load(Path folder) throws IOException {
        Path labels = folder.resolve("train_y.bin");
        Path unlabeled = folder.resolve("unlabeled_X.bin");
        long train = Files.isRegularFile(labels) ? Files.size(labels) : 0;
        long more = Files.isRegularFile(unlabeled) ? Files.size(unlabeled) : 0;
        boolean subset = DatasetSubset.marked(folder) && train >= 1 && train <= TRAIN_IMAGES && more > 0 && more % IMAGE_BYTES == 0
                && more / IMAGE_BYTES <= UNLABELED_IMAGES;
        return subset ? load(folder, (int) train, (int) (more / IMAGE_BYTES)) : load(folder, TRAIN_IMAGES,
                UNLABELED_IMAGES);
    }

    /** As {@link #load(Path)} with other image counts (tests use tiny files). */
    static Dataset load(Path folder, int trainImages, int unlabeledImages) throws IOException {
        Path labelFile = folder.resolve("train_y.bin");
        byte[] trainLabels = readAll(labelFile, trainImages, "label bytes (1..10)");
        checkSize(folder.resolve("train_X.bin"), (long) trainImages * IMAGE_BYTES, trainImages + IMAGES);
        checkSize(folder.resolve("unlabeled_X.bin"), (long) unlabeledImages * IMAGE_BYTES, unlabeledImages + IMAGES);
        int count = trainImages + unlabeledImages;
        Limits.checkAllocation((long) count * CHANNELS * SIZE * SIZE, 1, "the " + count + " images of " + folder
                + " at 48x48", problem -> new DatasetException(folder + ": " + problem));
        byte[] pixels = new byte[count * CHANNELS * SIZE * SIZE];
        int[] labels = new int[count];
        for (int i = 0; i < trainImages; i++) {
            labels[i] = (trainLabels[i] & 0xFF) - 1;
            if (labels[i] < 0 || labels[i] > 9) {
                throw new DatasetException(labelFile + ": label " + i + " is " + (trainLabels[i] & 0xFF)
                        + ", expected 1..10; " + HOW_TO_GET);
            }
        }
        readImages(folder.resolve("train_X.bin"), trainImages, pixels, 0);
        readImages(folder.resolve("unlabeled_X.bin"), unlabeledImages, pixels, trainImages);
        for (int i = trainImages; i < count; i++) {
            labels[i] = -1;
        }
        return new Dataset("stl10-train+unlabeled", CHANNELS, SIZE, SIZE, pixels, labels);
    }

    private static void readImages(Path file, int images, byte[] pixels, int firstIndex) throws IOException {
        checkSize(file, (long) images * IMAGE_BYTES, images + IMAGES);
        byte[] record = new byte[IMAGE_BYTES];
        byte[] rowMajor = new byte[FILE_SIZE * FILE_SIZE];
        int planeOut = SIZE * SIZE;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 20)) {
            for (int i = 0; i < images; i++) {
                if (in.readNBytes(record, 0, IMAGE_BYTES) != IMAGE_BYTES) {
                    throw new DatasetException(file + " ended inside image " + i + " while being read; "
                            + HOW_TO_GET);
                }
                for (int c = 0; c < CHANNELS; c++) {
                    int plane = c * FILE_SIZE * FILE_SIZE;
                    for (int col = 0; col < FILE_SIZE; col++) {
                        for (int row = 0; row < FILE_SIZE; row++) {
                            rowMajor[row * FILE_SIZE + col] = record[plane + col * FILE_SIZE + row];
                        }
                    }
                    int at = ((firstIndex + i) * CHANNELS + c) * planeOut;
                    PilResize.plane(rowMajor, 0, FILE_SIZE, FILE_SIZE, pixels, at, SIZE, SIZE);
                }
            }
        }
    }

    private static byte[] readAll(Path file, int expected, String what) throws IOException {
        checkSize(file, expected, expected + " " + what);
        return Files.readAllBytes(file);
    }

    private static void checkSize(Path file, long expected, String what) throws IOException {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new DatasetException("STL-10 file " + file + " is missing; " + HOW_TO_GET);
        }
        if (size != expected) {
            throw new DatasetException(file + " has " + size + " bytes, expected " + expected + " (" + what
                    + "); it is truncated or corrupt; " + HOW_TO_GET);
        }
    }
}
