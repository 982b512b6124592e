// Npz / Npy: numpy's own files read exactly (np.savez_compressed with '<f8' and '<f4' arrays, from
// tools/make_metric_fixtures.py), the bytes written follow the .npy 1.0 format as numpy writes it
// (magic, version, header dict padded to 64 bytes with a final newline, little-endian float64) in
// stored zip entries, a write reads back unchanged, and bad input gives a clear error.
package org.autogan4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpzTest {
    @TempDir
    Path dir;

    @Test
    void readsNumpyArraysExactly() throws Exception {
        Map<String, Npy.Array> arrays = Npz.read(Path.of(NpzTest.class.getResource("/fixtures/metrics/exact.npz").toURI()));
        assertEquals(List.of("a", "b"), List.copyOf(arrays.keySet()));
        assertArrayEquals(new int[] {3}, arrays.get("a").shape());
        assertArrayEquals(new double[] {-0.5, -0.25, 0}, arrays.get("a").values());
        assertEquals("<f8", arrays.get("a").dtype());
        assertArrayEquals(new int[] {2, 3}, arrays.get("b").shape());
        assertArrayEquals(new double[] {0, 0.125, 0.25, 0.375, 0.5, 0.625}, arrays.get("b").values());
        assertEquals("<f4", arrays.get("b").dtype());
    }

    @Test
    void writtenBytesFollowTheNpyFormat() throws IOException {
        double[] values = {1.5, -2, 0.25, 3, 4, 5};
        byte[] bytes = Npy.write(Npy.Array.of(values, 2, 3));
        String header = "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }";
        int headerLength = 128 - 10; // numpy 1.24 np.save writes these 176 bytes for this array
        assertEquals(10 + headerLength + values.length * 8, bytes.length);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals((byte) 0x93, b.get());
        byte[] magic = new byte[5];
        b.get(magic);
        assertEquals("NUMPY", new String(magic, StandardCharsets.US_ASCII));
        assertEquals(1, b.get());
        assertEquals(0, b.get());
        assertEquals(headerLength, b.getShort());
        String text = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
        assertEquals(header + " ".repeat(headerLength - header.length() - 1) + "\n", text);
        b.position(10 + headerLength);
        for (double v : values) {
            assertEquals(v, b.getDouble());
        }
        byte[] vectorBytes = Npy.write(Npy.Array.of(new double[] {7}, 1));
        String vector = new String(vectorBytes, 10, vectorBytes.length - 18, StandardCharsets.US_ASCII);
        assertTrue(vector.startsWith("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }"), vector);
    }

    @Test
    void writesStoredNpyEntriesThatReadBack() throws IOException {
        Map<String, Npy.Array> arrays = new LinkedHashMap<>();
        arrays.put("mu", Npy.Array.of(new double[] {0.1, -3}, 2));
        arrays.put("sigma", Npy.Array.of(new double[] {1, 0.2, 0.2, 2}, 2, 2));
        Path file = dir.resolve("stats.npz");
        Npz.write(file, arrays);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            List<? extends ZipEntry> entries = zip.stream().toList();
            assertEquals(List.of("mu.npy", "sigma.npy"), entries.stream().map(ZipEntry::getName).toList());
            for (ZipEntry entry : entries) {
                assertEquals(ZipEntry.STORED, entry.getMethod());
                try (InputStream in = zip.getInputStream(entry)) {
                    String name = entry.getName().replace(".npy", "");
                    assertArrayEquals(Npy.write(arrays.get(name)), in.readAllBytes());
                }
            }
        }
        Map<String, Npy.Array> back = Npz.read(file);
        assertArrayEquals(arrays.get("sigma").values(), back.get("sigma").values());
        assertArrayEquals(new int[] {2, 2}, back.get("sigma").shape());
    }

    @Test
    void badInputIsAClearError() throws IOException {
        byte[] ints = Npy.write(Npy.Array.of(new double[] {1}, 1));
        byte[] header = "{'descr': '<i8', 'fortran_order': False, 'shape': (1,), }".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, ints, 10, header.length);
        assertTrue(assertThrows(BadFileException.class, () -> npy("x.npy", ints)).getMessage()
                .contains("x.npy: dtype <i8 is not supported"));
        byte[] whole = Npy.write(Npy.Array.of(new double[] {1, 2}, 2));
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 3);
        assertTrue(assertThrows(BadFileException.class, () -> npy("y.npy", cut)).getMessage()
                .contains("y.npy: truncated: shape [2] of <f8 needs 16 bytes of data"));
        Path notZip = dir.resolve("bad.npz");
        Files.writeString(notZip, "not a zip");
        assertTrue(assertThrows(IOException.class, () -> Npz.read(notZip)).getMessage()
                .contains("bad.npz: not a readable .npz (zip) archive"));
    }

    private static Npy.Array npy(String name, byte[] bytes) throws IOException {
        return Npy.read(new ByteArrayInputStream(bytes), problem -> new BadFileException(name, problem));
    }
}
