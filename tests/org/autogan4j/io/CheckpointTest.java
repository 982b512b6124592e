// Checkpoints: tensors and sidecar round trip (the .json file and the copy inside the safetensors
// metadata agree), and atomicity: a write that fails midway leaves the previous checkpoint intact
// and no temporary file, a temporary file left by a killed writer replaces nothing, and a stale
// .json sidecar cannot contradict the tensors.
package org.autogan4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;
import org.autogan4j.testing.Tensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
    @TempDir
    Path dir;

    private static Map<String, Object> sidecar(long step) {
        Map<String, Object> adam = new LinkedHashMap<>();
        adam.put("lr", 2.0e-4);
        adam.put("betas", new double[] {0.0, 0.9});
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("arch", "1,0,1,1,1,0,0,1,1,1,0,1,0,3");
        s.put("step", step);
        s.put("optimizer", adam);
        s.put("rng", List.of(12345L, 7L));
        s.put("note", "quote \" and tab\t");
        return s;
    }

    private Path save(Tensors t, float value, long step) throws IOException {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("l1.weight", t.of(new float[] {value, value + 1}, 1, 2));
        Path file = dir.resolve("ckpt.safetensors");
        Checkpoint.save(file, tensors, sidecar(step));
        return file;
    }

    private static float[] weight(Path file) throws IOException {
        Map<String, Tensor> read = Checkpoint.readTensors(file, Device.CPU);
        try {
            return read.get("l1.weight").toArray();
        } finally {
            read.values().forEach(Tensor::close);
        }
    }

    @Test
    void roundTripOfTensorsAndSidecar() throws IOException {
        try (Tensors t = new Tensors()) {
            Path file = save(t, 4f, 42);
            assertArrayEquals(new float[] {4f, 5f}, weight(file));
            Map<String, Object> s = Checkpoint.readSidecar(file);
            assertEquals("1,0,1,1,1,0,0,1,1,1,0,1,0,3", s.get("arch"));
            assertEquals(42L, s.get("step"));
            assertEquals(Map.of("lr", 2.0e-4, "betas", List.of(0.0, 0.9)), s.get("optimizer"));
            assertEquals(List.of(12345L, 7L), s.get("rng"));
            assertEquals("quote \" and tab\t", s.get("note"));
            Path json = dir.resolve("ckpt.json");
            assertEquals(Checkpoint.sidecarPath(file), json);
            assertEquals(s, Json.parse(Files.readString(json, StandardCharsets.UTF_8)));
            assertEquals("pt", SafeTensors.readMetadata(file).get("format"));
        }
    }

    @Test
    void failedWriteLeavesThePreviousCheckpointAndNoTemporaryFile() throws IOException {
        try (Tensors t = new Tensors()) {
            Path file = save(t, 4f, 1);
            byte[] before = Files.readAllBytes(file);
            IOException crash = assertThrows(IOException.class, () -> AtomicFile.write(file, out -> {
                out.write(new byte[100_000]);
                throw new IOException("simulated crash in the middle of the write");
            }));
            assertEquals("could not write " + file + ": simulated crash in the middle of the write; the previous "
                    + "file is unchanged and no partial file is left", crash.getMessage());
            assertArrayEquals(before, Files.readAllBytes(file));
            try (Stream<Path> files = Files.list(dir)) {
                assertEquals(List.of("ckpt.json", "ckpt.safetensors"),
                        files.map(p -> p.getFileName().toString()).sorted().toList());
            }
            Tensor closed = t.of(new float[] {1f}, 1);
            closed.close();
            assertThrows(IllegalStateException.class, () -> Checkpoint.save(file, Map.of("x", closed), sidecar(2)));
            assertArrayEquals(new float[] {4f, 5f}, weight(file));
            assertEquals(1L, Checkpoint.readSidecar(file).get("step"));
        }
    }

    @Test
    void temporaryFileOfAKilledWriterReplacesNothing() throws IOException {
        try (Tensors t = new Tensors()) {
            Path file = save(t, 4f, 1);
            Path leftover = dir.resolve(".ckpt.safetensors.123456" + AtomicFile.TEMP_SUFFIX);
            Files.write(leftover, new byte[] {1, 2, 3});
            assertArrayEquals(new float[] {4f, 5f}, weight(file));
            save(t, 9f, 2);
            assertArrayEquals(new float[] {9f, 10f}, weight(file));
            assertEquals(2L, Checkpoint.readSidecar(file).get("step"));
            assertTrue(Files.exists(leftover), "a stray temporary file is left alone, never renamed");
            Files.writeString(dir.resolve("ckpt.json"), Json.write(sidecar(1)));
            assertEquals(2L, Checkpoint.readSidecar(file).get("step"),
                    "a stale .json (kill between the two renames) does not change what the checkpoint says");
        }
    }

    @Test
    void plainSafetensorsFileIsNotACheckpoint() throws IOException {
        try (Tensors t = new Tensors()) {
            Path file = dir.resolve("plain.safetensors");
            SafeTensors.write(file, Map.of("x", t.of(new float[] {1f}, 1)), Map.of());
            CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoint.readSidecar(file));
            assertTrue(e.getMessage().contains("not an autogan4j checkpoint"), e.getMessage());
        }
    }
}
