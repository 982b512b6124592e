// PthWriter's files read back through PthReader with their names, shapes and values.
package org.autogan4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PthWriterTest {
    @TempDir
    Path dir;

    @Test
    void writtenTensorsReadBack() throws Exception {
        float[] conv = new float[2 * 3 * 3 * 3];
        for (int i = 0; i < conv.length; i++) {
            conv[i] = (float) Math.sin(i) * 1e3f;
        }
        float[] big = new float[70_000]; // a shape and numel past BININT2
        big[69_999] = -7.5f;
        Path file = dir.resolve("w.pth");
        new PthWriter().put("a.conv.weight", new int[] {2, 3, 3, 3}, conv).put("b.bias", new int[] {1}, new float[] {2f})
                .put("fc.weight", new int[] {70_000}, big).write(file);
        Map<String, PthTensor> read = PthReader.read(file);
        assertEquals(Set.of("a.conv.weight", "b.bias", "fc.weight"), read.keySet());
        assertArrayEquals(new int[] {2, 3, 3, 3}, read.get("a.conv.weight").shape());
        assertArrayEquals(conv, read.get("a.conv.weight").floats());
        assertArrayEquals(new float[] {2f}, read.get("b.bias").floats());
        assertArrayEquals(big, read.get("fc.weight").floats());
    }

    @Test
    void refusesAWrongElementCountOrATensorTwice() {
        PthWriter writer = new PthWriter().put("x", new int[] {2}, new float[2]);
        assertThrows(IllegalArgumentException.class, () -> writer.put("y", new int[] {3}, new float[2]));
        assertThrows(IllegalArgumentException.class, () -> writer.put("x", new int[] {2}, new float[2]));
    }
}
