// PthReader on .pth files written by torch.save (tools/make_pth_fixtures.py): every tensor's exact
// values, shape and dtype for a Sequential state_dict, float16/float64, transposed and sliced views,
// nested dicts and the pre-1.6 format; and a clear error, with no code run, for hostile and
// malformed files built here (a global os.system, an unknown opcode, a truncated zip, no data.pkl,
// an unknown storage key, a truncated storage).
package org.autogan4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.autogan4j.testing.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PthReaderTest {
    @TempDir
    Path dir;

    private static Path fixture(String stem) throws URISyntaxException {
        return Path.of(PthReaderTest.class.getResource("/fixtures/pth/" + stem + ".pth").toURI());
    }

    /** Asserts that file's tensors are exactly the fixture's "stem/..." entries, in order. */
    private static Map<String, PthTensor> assertMatches(String stem) throws Exception {
        Fixture expected = Fixture.load("pth/expected");
        Map<String, PthTensor> tensors = PthReader.read(fixture(stem));
        for (PthTensor t : tensors.values()) {
            String entry = stem + "/" + t.name();
            assertArrayEquals(expected.dims(entry), t.shape(), entry + " shape");
            float[] values = t.dtype().isFloatingPoint() ? t.floats() : toFloats(t.integers());
            assertArrayEquals(expected.values(entry), values, entry + " values");
        }
        return tensors;
    }

    private static float[] toFloats(long[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    @Test
    void sequentialStateDictMatchesTorch() throws Exception {
        Map<String, PthTensor> tensors = assertMatches("sequential");
        assertEquals(List.of("0.weight", "0.bias", "1.weight", "1.bias", "1.running_mean", "1.running_var",
                "1.num_batches_tracked", "3.weight", "3.bias"), List.copyOf(tensors.keySet()));
        PthTensor batches = tensors.get("1.num_batches_tracked");
        assertEquals(PthDtype.INT64, batches.dtype());
        assertArrayEquals(new long[] {1}, batches.integers());
        IllegalStateException e = assertThrows(IllegalStateException.class, batches::floats);
        assertTrue(e.getMessage().contains("1.num_batches_tracked holds INT64"), e.getMessage());
        assertArrayEquals(new int[] {3, 2, 3, 3}, tensors.get("0.weight").shape());
    }

    @Test
    void halfAndDoubleConvertToFloat32() throws Exception {
        Map<String, PthTensor> tensors = assertMatches("half");
        assertEquals(PthDtype.FLOAT16, tensors.get("h").dtype());
        assertEquals(PthDtype.FLOAT64, tensors.get("d").dtype());
    }

    @Test
    void viewsHonourStridesAndOffsets() throws Exception {
        Map<String, PthTensor> tensors = assertMatches("views");
        assertArrayEquals(new long[] {1, 4}, tensors.get("t").strides());
        assertEquals(6, tensors.get("s").storageOffset());
        assertEquals(2 * 2, tensors.get("s").size());
    }

    @Test
    void nestedDictsFlattenWithDots() throws Exception {
        assertEquals(List.of("model.a", "model.inner.b"), List.copyOf(assertMatches("nested").keySet()));
    }

    @Test
    void legacyFormatReadsTheSameViews() throws Exception {
        Map<String, PthTensor> legacy = assertMatches("legacy");
        assertArrayEquals(PthReader.read(fixture("views")).get("t").floats(), legacy.get("t").floats());
    }

    @Test
    void halfConversionCoversSubnormalsAndSpecials() {
        assertEquals(0x1p-24f, PthGather.halfToFloat((short) 0x0001));
        assertEquals(-2f, PthGather.halfToFloat((short) 0xc000));
        assertEquals(65504f, PthGather.halfToFloat((short) 0x7bff));
        assertEquals(Float.NEGATIVE_INFINITY, PthGather.halfToFloat((short) 0xfc00));
        assertTrue(Float.isNaN(PthGather.halfToFloat((short) 0x7e00)));
    }

    /** A zip holding one entry, archive/data.pkl, with pickle. */
    private Path zipWithPickle(String name, byte[] pickle) throws IOException {
        Path file = dir.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            out.putNextEntry(new ZipEntry("archive/data.pkl"));
            out.write(pickle);
            out.closeEntry();
        }
        return file;
    }

    private static String errorOf(Path file) {
        return assertThrows(IOException.class, () -> PthReader.read(file)).getMessage();
    }

    @Test
    void refusesGlobalOsSystem() throws IOException {
        byte[] pickle = "\u0080\u0002cos\nsystem\nX\u0002\u0000\u0000\u0000id\u0085R.".getBytes(StandardCharsets.ISO_8859_1);
        String message = errorOf(zipWithPickle("hostile.pth", pickle));
        assertTrue(message.contains("hostile.pth") && message.contains("refusing global os.system")
                && message.contains("may only hold tensors"), message);
    }

    @Test
    void refusesUnknownOpcode() throws IOException {
        byte[] pickle = "\u0080\u0002}i.".getBytes(StandardCharsets.ISO_8859_1);
        String message = errorOf(zipWithPickle("inst.pth", pickle));
        assertTrue(message.contains("refusing pickle opcode 0x69"), message);
    }

    @Test
    void refusesReduceOnAStorageType() throws IOException {
        byte[] pickle = "\u0080\u0002ctorch\nFloatStorage\n)R.".getBytes(StandardCharsets.ISO_8859_1);
        assertTrue(errorOf(zipWithPickle("call.pth", pickle)).contains("refusing to call torch.FloatStorage"));
    }

    @Test
    void refusesADictThatContainsItselfAndContainerKeys() throws IOException {
        byte[] cyclic = "\u0080\u0002}q\u0000X\u0001\u0000\u0000\u0000ah\u0000s.".getBytes(StandardCharsets.ISO_8859_1);
        String message = errorOf(zipWithPickle("cyclic.pth", cyclic));
        assertTrue(message.contains("dicts nested deeper than 64 levels"), message);
        byte[] listKey = "\u0080\u0002}]K\u0001s.".getBytes(StandardCharsets.ISO_8859_1);
        message = errorOf(zipWithPickle("listkey.pth", listKey));
        assertTrue(message.contains("refusing a dict key of type list"), message);
    }

    @Test
    void truncatedZipIsAClearError() throws Exception {
        byte[] whole = Files.readAllBytes(fixture("sequential"));
        Path file = dir.resolve("cut.pth");
        Files.write(file, Arrays.copyOf(whole, whole.length / 2));
        String message = errorOf(file);
        assertTrue(message.contains("cut.pth") && message.contains("not a readable zip archive"), message);
    }

    @Test
    void missingDataPklIsAClearError() throws IOException {
        Path file = dir.resolve("empty.pth");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            out.putNextEntry(new ZipEntry("archive/version"));
            out.write('3');
            out.closeEntry();
        }
        assertTrue(errorOf(file).contains("has no <archive>/data.pkl"));
    }

    /** sequential.pth rewritten entry by entry through edit (name, bytes) -> bytes, or null to drop. */
    private Path rewritten(String name, BiFunction<String, byte[], byte[]> edit) throws Exception {
        Path file = dir.resolve(name);
        try (ZipFile zip = new ZipFile(fixture("sequential").toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (ZipEntry entry : zip.stream().toList()) {
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = edit.apply(entry.getName(), in.readAllBytes());
                }
                if (bytes != null) {
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    out.write(bytes);
                    out.closeEntry();
                }
            }
        }
        return file;
    }

    @Test
    void unknownStorageKeyIsAClearError() throws Exception {
        Path file = rewritten("nokey.pth", (name, bytes) -> name.endsWith("data/3") ? null : bytes);
        String message = errorOf(file);
        assertTrue(message.contains("unknown storage key 3"), message);
    }

    @Test
    void truncatedStorageIsAClearError() throws Exception {
        Path file = rewritten("short.pth", (name, bytes) -> name.endsWith("data/0") ? Arrays.copyOf(bytes, 10) : bytes);
        String message = errorOf(file);
        assertTrue(message.contains("truncated storage 0: 54 FLOAT32 elements need 216 bytes, the file holds 10"),
                message);
    }

    @Test
    void truncatedPickleIsAClearError() throws Exception {
        Path file = rewritten("cutpickle.pth", (name, bytes) -> name.endsWith("data.pkl")
                ? Arrays.copyOf(bytes, bytes.length / 2) : bytes);
        String message = errorOf(file);
        assertTrue(message.contains("the pickle is truncated"), message);
    }

    /** Corrupting any one byte of a pickle gives either a result or an IOException, never another error. */
    @Test
    void corruptedBytesNeverEscapeAsOtherExceptions() throws Exception {
        java.util.Random random = new java.util.Random(7);
        byte[] legacy = Files.readAllBytes(fixture("legacy"));
        for (int trial = 0; trial < 300; trial++) {
            int at = random.nextInt(trial % 2 == 0 ? 852 : legacy.length);
            byte value = (byte) random.nextInt(256);
            Path file = trial % 2 == 0
                    ? rewritten("fuzz" + trial + ".pth", (name, bytes) -> {
                        if (name.endsWith("data.pkl")) {
                            bytes[at % bytes.length] = value;
                        }
                        return bytes;
                    })
                    : Files.write(dir.resolve("fuzz" + trial + ".pth"), corrupt(legacy, at, value));
            try {
                PthReader.read(file);
            } catch (IOException expected) {
                assertTrue(expected.getMessage().contains(file.getFileName().toString()), expected.getMessage());
            }
        }
    }

    private static byte[] corrupt(byte[] bytes, int at, byte value) {
        byte[] copy = bytes.clone();
        copy[at] = value;
        return copy;
    }

    @Test
    void missingFileAndNonPthFile() throws IOException {
        assertThrows(java.nio.file.NoSuchFileException.class, () -> PthReader.read(dir.resolve("absent.pth")));
        Path text = dir.resolve("notes.pth");
        Files.writeString(text, "hello");
        assertTrue(errorOf(text).contains("not a .pth file written by torch.save"));
    }
}
