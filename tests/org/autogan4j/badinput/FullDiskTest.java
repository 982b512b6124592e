// Writes onto a really full file system: a 64 KiB tmpfs mounted for each test (root only; the
// test is skipped with the reason elsewhere), filled to the last byte. A PNG grid, FID statistics
// and a checkpoint each fail with one FileWriteException naming the path and the full disk,
// nothing printed on the side (ImageIO's file cache thread used to print a NullPointerException),
// the previous files byte for byte intact and no temporary file left.
package org.autogan4j.badinput;

import static org.autogan4j.badinput.BadInput.refused;
import static org.autogan4j.badinput.BadInput.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.autogan4j.io.Checkpoint;
import org.autogan4j.io.FileWriteException;
import org.autogan4j.io.ImageGrid;
import org.autogan4j.io.Npy;
import org.autogan4j.io.Npz;
import org.autogan4j.testing.Tensors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FullDiskTest {
    private static final String FULL = "No space left on device; the previous file is unchanged and no partial file "
            + "is left; free some disk space";

    @TempDir
    Path temp;
    private Path disk;
    private boolean mounted;

    @BeforeEach
    void mountTinyDisk() throws Exception {
        disk = Files.createDirectory(temp.resolve("disk"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", disk.toString())
                .redirectErrorStream(true).start();
        String output = new String(mount.getInputStream().readAllBytes()).trim();
        mounted = mount.waitFor(30, TimeUnit.SECONDS) && mount.exitValue() == 0;
        assumeTrue(mounted, "a tiny tmpfs cannot be mounted here (needs root): " + output);
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            new ProcessBuilder("umount", disk.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Fills the disk with one file until the file system refuses another byte. */
    private void fill() throws IOException {
        try (OutputStream out = Files.newOutputStream(disk.resolve("filler"))) {
            byte[] block = new byte[1024];
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            assertEquals("No space left on device", full.getMessage());
        }
    }

    /** 64 noisy RGB 32x32 images in [-1, 1]: a PNG far larger than what is left. */
    private static float[] noise() {
        Random random = new Random(5);
        float[] x = new float[64 * 3 * 32 * 32];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextFloat() * 2 - 1;
        }
        return x;
    }

    @Test
    void pngGridOnAFullDisk() throws IOException {
        Path png = disk.resolve("samples").resolve("iter-001.png");
        ImageGrid.write(png, new float[] {0.5f}, 1, 1, 1, 1);
        fill();
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setErr(new PrintStream(printed, true));
        try {
            refused(FileWriteException.class, disk, png, () -> ImageGrid.write(png, noise(), 64, 3, 32, 32),
                    "could not write " + png + ": " + FULL);
        } finally {
            System.setErr(err);
        }
        assertEquals("", printed.toString(), "nothing may be printed on the side");
    }

    @Test
    void fidStatisticsOnAFullDisk() throws IOException {
        Path stats = disk.resolve("stats.npz");
        Npz.write(stats, Map.of("mu", Npy.Array.of(new double[] {1, 2}, 2)));
        fill();
        refused(FileWriteException.class, disk, stats,
                () -> Npz.write(stats, Map.of("mu", Npy.Array.of(new double[8192], 8192))), FULL);
    }

    @Test
    void newCheckpointOnAFullDisk() throws IOException {
        fill();
        Path file = disk.resolve("iter-002.safetensors");
        try (Tensors t = new Tensors()) {
            refused(FileWriteException.class, disk, file,
                    () -> Checkpoint.save(file, Map.of("w", t.zeros(64, 64)), Map.of("step", 2)),
                    "could not write " + file + ": No space left on device; no file was created");
        }
        assertFalse(snapshot(disk).containsKey("iter-002.json"));
    }
}
