// Hostile and broken .npz files (what FID statistics come in): a zip bomb behind a small array,
// shapes that overflow or are not integers, a header length of 4 GiB, a cut or corrupted archive.
// Each is a CheckpointException naming the file and the entry, raised after reading no more than
// the entry's header justifies.
package org.autogan4j.badinput;

import static org.autogan4j.badinput.BadInput.refused;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.autogan4j.io.CheckpointException;
import org.autogan4j.io.Npy;
import org.autogan4j.io.Npz;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpzBadInputTest {
    /** Decompressed size of the bomb: more than one Java array could ever hold. */
    private static final int BOMB_MIB = 3 * 1024;

    @TempDir
    Path dir;

    /** A .npy 1.0 entry with header dict (padded as numpy pads it) and dataBytes zero bytes. */
    private static byte[] npy(String dict, int dataBytes) {
        String header = dict + " ".repeat((64 - (10 + dict.length() + 1) % 64) % 64) + "\n";
        ByteBuffer out = ByteBuffer.allocate(10 + header.length() + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        out.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length());
        out.put(header.getBytes(StandardCharsets.ISO_8859_1));
        return out.array();
    }

    private static String dict(String shape) {
        return "{'descr': '<f8', 'fortran_order': False, 'shape': " + shape + ", }";
    }

    private Path npz(String name, String entry, byte[] bytes) throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry(entry));
            out.write(bytes);
            out.closeEntry();
        }
        return Files.write(dir.resolve(name), zip.toByteArray());
    }

    private void refusedNpz(Path file, String... parts) throws IOException {
        refused(CheckpointException.class, dir, file, () -> Npz.read(file), parts);
    }

    @Test
    void zipBombBehindASmallArray() throws IOException {
        byte[] head = Arrays.copyOf(npy(dict("(2,)"), 16), 64 + 16);
        Path bomb = Files.write(dir.resolve("bomb.npz"), Bombs.zip("mu.npy", Bombs.deflate(head, BOMB_MIB)));
        refusedNpz(bomb, "entry mu.npy: holds more bytes than its shape [2] of <f8 needs");
    }

    @Test
    void shapeLargerThanAnyArray() throws IOException {
        Path big = npz("big.npz", "sigma.npy", npy(dict("(100000, 100000, 100000)"), 8));
        refusedNpz(big, "entry sigma.npy: the [100000, 100000, 100000] values would need 1000000000000000 elements "
                + "of 8 byte(s), more than one Java array holds");
    }

    @Test
    void shapesThatAreNotTuplesOfNaturalNumbers() throws IOException {
        Path negative = npz("negative.npz", "mu.npy", npy(dict("(-1,)"), 8));
        refusedNpz(negative, "entry mu.npy: the shape (-1,) is not a tuple of integers", "dimension 0 is \"-1\"");
        Path text = npz("text.npz", "mu.npy", npy(dict("(1x8,)"), 8));
        refusedNpz(text, "dimension 0 is \"1x8\"");
        Path overflow = npz("overflow.npz", "mu.npy", npy(dict("(99999999999999999999,)"), 8));
        refusedNpz(overflow, "dimension 0 is \"99999999999999999999\"");
    }

    @Test
    void headerLengthOfFourGibibytes() throws IOException {
        byte[] v2 = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0, -1, -1, -1, -1};
        Path file = npz("header.npz", "mu.npy", v2);
        refusedNpz(file, "entry mu.npy: declares a header of 4294967295 bytes, more than the 65536");
    }

    @Test
    void wrongMagicAndTruncatedData() throws IOException {
        Path magic = npz("magic.npz", "mu.npy", "PK not numpy".getBytes(StandardCharsets.US_ASCII));
        refusedNpz(magic, "entry mu.npy: not a .npy array");
        byte[] whole = Npy.write(Npy.Array.of(new double[] {1, 2, 3}, 3));
        Path cut = npz("cut.npz", "mu.npy", Arrays.copyOf(whole, whole.length - 1));
        refusedNpz(cut, "entry mu.npy: truncated: shape [3] of <f8 needs 24 bytes of data");
    }

    /** A cut archive, and one whose entry starts with a reserved deflate block type (BTYPE 11). */
    @Test
    void truncatedAndCorruptArchives() throws IOException {
        byte[] good = Files.readAllBytes(npz("good.npz", "mu.npy", Npy.write(Npy.Array.of(new double[64], 64))));
        Path cut = Files.write(dir.resolve("cut.npz"), Arrays.copyOf(good, good.length / 2));
        refusedNpz(cut, "not a readable .npz (zip) archive");
        byte[] corrupt = good.clone();
        ByteBuffer local = ByteBuffer.wrap(good).order(ByteOrder.LITTLE_ENDIAN);
        corrupt[30 + local.getShort(26) + local.getShort(28)] = (byte) 0xff;
        Path garbled = Files.write(dir.resolve("garbled.npz"), corrupt);
        refusedNpz(garbled, "entry mu.npy cannot be decompressed (invalid block type)",
                "the archive is truncated or corrupt");
    }

    @Test
    void archiveWithoutArrays() throws IOException {
        Path empty = npz("empty.npz", "readme.txt", "nothing".getBytes(StandardCharsets.US_ASCII));
        refusedNpz(empty, "holds no .npy arrays");
    }
}
