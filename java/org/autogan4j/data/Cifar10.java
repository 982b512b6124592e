// CIFAR-10 in its binary version (the folder cifar-10-batches-bin from cifar-10-binary.tar.gz):
// data_batch_1..5.bin for training, test_batch.bin for testing, each 10,000 records of 3,073
// bytes: one label byte (0..9), then the 32x32 image as 1,024 red, 1,024 green and 1,024 blue
// bytes, row-major, which is already the (C, H, W) layout kept here. Every file's size is checked
// before anything is read, and the whole split against the free heap before it is allocated. A folder
// marked as a subset (DatasetSubset) may hold smaller files in the same format (every file the same whole
// number of records, at most 10,000): test fixtures and quick checks.
package org.autogan4j.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.autogan4j.io.Limits;

public final class Cifar10 {
    /** Where the archive is expected to be unpacked by default (relative to the working directory). */
    public static final Path DEFAULT_FOLDER = Path.of("data", "cifar-10-batches-bin");
    public static final int SIZE = 32;
    public static final int CHANNELS = 3;
    /** Records in each official file. */
    public static final int RECORDS_PER_FILE = 10_000;

    private static final int IMAGE_BYTES = CHANNELS * SIZE * SIZE;
    private static final int RECORD_BYTES = 1 + IMAGE_BYTES;
    private static final String HOW_TO_GET = "download cifar-10-binary.tar.gz (the \"CIFAR-10 binary version\") from "
            + "https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz and unpack it (tar xzf) so that the folder "
            + "cifar-10-batches-bin holds data_batch_1.bin .. data_batch_5.bin and test_batch.bin";

    private Cifar10() {
    }

    /**
     * The split from folder (cifar-10-batches-bin), as 3x32x32 images with labels 0..9; in a folder marked
     * as a subset the records per file are the first file's (a whole number up to 10,000), else the official
     * 10,000 and its size error.
     */
    public static Dataset load(Path folder, Split split) throws IOException {
        Path first = folder.resolve(split == Split.TRAIN ? "data_batch_1.bin" : "test_batch.bin");
        long size = Files.isRegularFile(first) ? Files.size(first) : 0;
        boolean whole = DatasetSubset.marked(folder) && size > 0 && size % RECORD_BYTES == 0 && size / RECORD_BYTES <= RECORDS_PER_FILE;
        return load(folder, split, whole ? (int) (size / RECORD_BYTES) : RECORDS_PER_FILE);
    }

    /** As {@link #load(Path, Split)} with recordsPerFile records in each file (tests use tiny files). */
    static Dataset load(Path folder, Split split, int recordsPerFile) throws IOException {
        List<String> names = split == Split.TRAIN
                ? List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin",
                        "data_batch_5.bin")
                : List.of("test_batch.bin");
        long fileBytes = (long) recordsPerFile * RECORD_BYTES;
        for (String name : names) {
            checkSize(folder.resolve(name), fileBytes, recordsPerFile);
        }
        int count = names.size() * recordsPerFile;
        Limits.checkAllocation((long) count * IMAGE_BYTES, 1, "the " + count + " images of " + folder,
                problem -> new DatasetException(folder + ": " + problem));
        byte[] pixels = new byte[count * IMAGE_BYTES];
        int[] labels = new int[count];
        for (int f = 0; f < names.size(); f++) {
            Path file = folder.resolve(names.get(f));
            byte[] bytes = Files.readAllBytes(file);
            for (int r = 0; r < recordsPerFile; r++) {
                int i = f * recordsPerFile + r;
                labels[i] = bytes[r * RECORD_BYTES] & 0xFF;
                if (labels[i] > 9) {
                    throw new DatasetException(file + ": record " + r + " (byte " + (long) r * RECORD_BYTES
                            + ") has label " + labels[i] + ", expected 0..9; the file is corrupt or not CIFAR-10 "
                            + "binary (CIFAR-100 has 2 label bytes); " + HOW_TO_GET);
                }
                System.arraycopy(bytes, r * RECORD_BYTES + 1, pixels, i * IMAGE_BYTES, IMAGE_BYTES);
            }
        }
        return new Dataset("cifar10-" + split.name().toLowerCase(Locale.ROOT), CHANNELS, SIZE, SIZE,
                pixels, labels);
    }

    private static void checkSize(Path file, long expected, int records) throws IOException {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new DatasetException("CIFAR-10 file " + file + " is missing; " + HOW_TO_GET);
        }
        if (size != expected) {
            throw new DatasetException(file + " has " + size + " bytes, expected " + expected + " (" + records
                    + " records of " + RECORD_BYTES + " bytes: 1 label + 3072 pixels); it is truncated or not "
                    + "the CIFAR-10 binary version (the python version is a pickle); " + HOW_TO_GET);
        }
    }
}
