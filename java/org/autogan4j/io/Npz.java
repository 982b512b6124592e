// numpy .npz archives: a zip of "<name>.npy" entries, as np.savez (stored) and np.savez_compressed
// (deflated) write them. FID statistics files (TTUR's fid_stats_cifar10_train.npz, pytorch-fid's)
// hold "mu" (d) and "sigma" (d, d). Each entry is read as a stream only as far as its .npy header
// justifies (Npy), so a zip bomb or an entry size that lies cannot exhaust memory. Writes stored
// entries like np.savez, atomically (AtomicFile).
package org.autogan4j.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

public final class Npz {
    private static final String SUFFIX = ".npy";

    private Npz() {
    }

    /** Every array of file by name (the entry name without ".npy"), in archive order. */
    public static Map<String, Npy.Array> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such .npz file");
        }
        Map<String, Npy.Array> arrays = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry entry : zip.stream().toList()) {
                if (!entry.getName().endsWith(SUFFIX)) {
                    continue;
                }
                String name = entry.getName().substring(0, entry.getName().length() - SUFFIX.length());
                try (InputStream in = zip.getInputStream(entry)) {
                    arrays.put(name, Npy.read(in, problem -> new CheckpointException(file, "entry " + entry.getName()
                            + ": " + problem)));
                } catch (BadFileException e) {
                    throw e;
                } catch (IOException e) {
                    throw new CheckpointException(file, "entry " + entry.getName() + " cannot be decompressed ("
                            + AtomicFile.reason(e) + "); the archive is truncated or corrupt", e);
                }
            }
        } catch (ZipException e) {
            throw new CheckpointException(file, "not a readable .npz (zip) archive: " + e.getMessage());
        }
        if (arrays.isEmpty()) {
            throw new CheckpointException(file, "holds no .npy arrays; is it an .npz file written by numpy.savez?");
        }
        return Collections.unmodifiableMap(arrays);
    }

    /** Writes arrays (in the map's order) to file as float64 .npy entries, atomically. */
    public static void write(Path file, Map<String, Npy.Array> arrays) throws IOException {
        AtomicFile.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            for (Map.Entry<String, Npy.Array> e : arrays.entrySet()) {
                byte[] bytes = Npy.write(e.getValue());
                CRC32 crc = new CRC32();
                crc.update(bytes);
                ZipEntry entry = new ZipEntry(e.getKey() + SUFFIX);
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(bytes.length);
                entry.setCompressedSize(bytes.length);
                entry.setCrc(crc.getValue());
                zip.putNextEntry(entry);
                zip.write(bytes);
                zip.closeEntry();
            }
            zip.finish();
        });
    }
}
