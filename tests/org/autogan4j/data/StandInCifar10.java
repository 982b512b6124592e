// Writes a stand-in CIFAR-10 folder in the binary version's format (data_batch_1..5.bin and
// test_batch.bin, each record one label byte 0..9 then 3,072 pixel bytes, see Cifar10): random
// pixels from a fixed seed, labels cycling 0..9. For timing commands that read CIFAR-10 where the
// real 163 MB archive is absent (the device check); what they learn from it is noise.
//   java -cp ... org.autogan4j.data.StandInCifar10 DIR [RECORDS_PER_FILE]   (default 10000, the real count)
package org.autogan4j.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

public final class StandInCifar10 {
    private static final int RECORD_BYTES = 1 + Cifar10.CHANNELS * Cifar10.SIZE * Cifar10.SIZE;
    private static final List<String> FILES = List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin",
            "data_batch_4.bin", "data_batch_5.bin", "test_batch.bin");

    private StandInCifar10() {
    }

    /** Writes the six files into folder (created if missing), recordsPerFile records each. */
    public static void write(Path folder, int recordsPerFile) throws IOException {
        if (recordsPerFile < 1) {
            throw new IllegalArgumentException("records per file must be >= 1, got " + recordsPerFile);
        }
        Files.createDirectories(folder);
        Random random = new Random(10);
        byte[] bytes = new byte[recordsPerFile * RECORD_BYTES];
        for (String name : FILES) {
            random.nextBytes(bytes);
            for (int r = 0; r < recordsPerFile; r++) {
                bytes[r * RECORD_BYTES] = (byte) (r % 10);
            }
            Files.write(folder.resolve(name), bytes);
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: StandInCifar10 DIR [RECORDS_PER_FILE]   (writes stand-in CIFAR-10 .bin files)");
            System.exit(2);
        }
        int records = args.length == 2 ? Integer.parseInt(args[1]) : Cifar10.RECORDS_PER_FILE;
        write(Path.of(args[0]), records);
        System.out.println("wrote " + FILES.size() + " stand-in CIFAR-10 files of " + records + " records to " + args[0]);
    }
}
