// safetensors files: the exact byte layout of the format (header length, JSON, space padding to 8,
// little-endian data at the stated offsets), round trips of tensors and metadata in order, and the
// messages for a missing file, a truncated file, a bad header, a missing tensor, a wrong shape,
// an unexpected tensor and a dtype other than F32.
package org.autogan4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;
import org.autogan4j.testing.Tensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeTensorsTest {
    @TempDir
    Path dir;

    /** "l1.weight" (2, 3) = 0.5 * i - 1 and "l1.bias" (2) = {3.25, -7}, written to file. */
    private Path writeSample(Tensors t, String name) throws IOException {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("l1.weight", t.of(new float[] {-1f, -0.5f, 0f, 0.5f, 1f, 1.5f}, 2, 3));
        tensors.put("l1.bias", t.of(new float[] {3.25f, -7f}, 2));
        Path file = dir.resolve(name);
        SafeTensors.write(file, tensors, Map.of("step", "12"));
        return file;
    }

    @Test
    void byteLayoutFollowsTheFormat() throws IOException {
        try (Tensors t = new Tensors()) {
            byte[] bytes = Files.readAllBytes(writeSample(t, "a.safetensors"));
            ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            long headerLength = b.getLong();
            assertEquals(0, headerLength % 8, "header padded to a multiple of 8");
            String header = new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8);
            String json = "{\"__metadata__\":{\"step\":\"12\"},"
                    + "\"l1.weight\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,24]},"
                    + "\"l1.bias\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[24,32]}}";
            assertEquals(json, header.stripTrailing());
            assertTrue(header.substring(json.length()).isBlank() && header.length() - json.length() < 8, "space padding");
            assertEquals(8 + headerLength + 32, bytes.length);
            b.position((int) (8 + headerLength));
            float[] data = new float[8];
            b.asFloatBuffer().get(data);
            assertArrayEquals(new float[] {-1f, -0.5f, 0f, 0.5f, 1f, 1.5f, 3.25f, -7f}, data);
        }
    }

    @Test
    void roundTripKeepsOrderShapesValuesAndMetadata() throws IOException {
        try (Tensors t = new Tensors()) {
            Path file = writeSample(t, "b.safetensors");
            Map<String, Tensor> read = SafeTensors.read(file, Device.CPU);
            read.values().forEach(t::own);
            assertEquals(List.of("l1.weight", "l1.bias"), List.copyOf(read.keySet()));
            assertArrayEquals(new int[] {2, 3}, read.get("l1.weight").shape().dims());
            assertArrayEquals(new float[] {3.25f, -7f}, read.get("l1.bias").toArray());
            assertEquals(Map.of("step", "12"), SafeTensors.readMetadata(file));

            Map<String, Tensor> targets = new LinkedHashMap<>();
            targets.put("l1.bias", t.zeros(2));
            targets.put("l1.weight", t.zeros(2, 3));
            SafeTensors.readInto(file, targets);
            assertArrayEquals(new float[] {-1f, -0.5f, 0f, 0.5f, 1f, 1.5f}, targets.get("l1.weight").toArray());
        }
    }

    @Test
    void missingTensorWrongShapeAndExtraTensorAreNamed() throws IOException {
        try (Tensors t = new Tensors()) {
            Path file = writeSample(t, "c.safetensors");
            Map<String, Tensor> targets = new LinkedHashMap<>();
            targets.put("l1.weight", t.zeros(2, 3));
            targets.put("l1.bias", t.zeros(3));
            CheckpointException shape = assertThrows(CheckpointException.class, () -> SafeTensors.readInto(file, targets));
            assertTrue(shape.getMessage().contains("tensor \"l1.bias\" has shape [2] but the model expects [3]"),
                    shape.getMessage());
            assertTrue(shape.getMessage().startsWith(file.toString()), shape.getMessage());
            assertArrayEquals(new float[6], targets.get("l1.weight").toArray(), "nothing written before the checks");

            targets.put("l1.bias", t.zeros(2));
            targets.put("l2.weight", t.zeros(1));
            CheckpointException missing = assertThrows(CheckpointException.class, () -> SafeTensors.readInto(file, targets));
            assertTrue(missing.getMessage().contains("has no tensor \"l2.weight\""), missing.getMessage());

            targets.remove("l2.weight");
            targets.remove("l1.bias");
            CheckpointException extra = assertThrows(CheckpointException.class, () -> SafeTensors.readInto(file, targets));
            assertTrue(extra.getMessage().contains("does not have: [l1.bias]"), extra.getMessage());
        }
    }

    @Test
    void truncatedFilesAndBadHeadersAreClearErrors() throws IOException {
        try (Tensors t = new Tensors()) {
            byte[] good = Files.readAllBytes(writeSample(t, "d.safetensors"));
            Path file = dir.resolve("bad.safetensors");

            Files.write(file, Arrays.copyOf(good, good.length - 4));
            assertMessage(file, "truncated: tensor \"l1.bias\" ends at data byte 32 but the data section has only 28");
            Files.write(file, Arrays.copyOf(good, 5));
            assertMessage(file, "truncated: 5 bytes, less than the 8-byte header length");
            Files.write(file, Arrays.copyOf(good, 40));
            assertMessage(file, "bad header length");

            byte[] garbled = good.clone();
            garbled[9] = '?';
            Files.write(file, garbled);
            assertMessage(file, "bad header: bad JSON at character");

            String f64 = new String(good, StandardCharsets.ISO_8859_1).replace("\"dtype\":\"F32\",\"shape\":[2]",
                    "\"dtype\":\"F64\",\"shape\":[2]");
            Files.write(file, f64.getBytes(StandardCharsets.ISO_8859_1));
            assertMessage(file, "tensor \"l1.bias\" has dtype F64; autogan4j reads F32 only");

            String shape = new String(good, StandardCharsets.ISO_8859_1).replace("\"shape\":[2,3]", "\"shape\":[3,3]");
            Files.write(file, shape.getBytes(StandardCharsets.ISO_8859_1));
            assertMessage(file, "tensor \"l1.weight\" spans bytes 0..24 but its shape [3, 3] of F32 needs 36 bytes");

            assertMessage(dir.resolve("none.safetensors"), "no such file");
        }
    }

    private static void assertMessage(Path file, String expected) {
        CheckpointException e = assertThrows(CheckpointException.class, () -> SafeTensors.read(file, Device.CPU));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
