// A golden fixture written by tools/make_fixtures.py (PyTorch): the named float32 arrays of one
// case, read from the test class path "/fixtures/<case>.agfx". Format (little-endian): magic
// "AGFX1\0\0\0", int32 count, then per entry int32 nameLength, UTF-8 name, int32 rank, rank int32
// dims, prod(dims) float32 values (rank 0 = one scalar).
package org.autogan4j.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public final class Fixture {
    private static final byte[] MAGIC = "AGFX1\0\0\0".getBytes(StandardCharsets.US_ASCII);

    private final String name;
    private final Map<String, int[]> dims = new LinkedHashMap<>();
    private final Map<String, float[]> values = new LinkedHashMap<>();

    private Fixture(String name) {
        this.name = name;
    }

    /** Loads fixtures/<caseName>.agfx from the test class path. */
    public static Fixture load(String caseName) {
        String path = "/fixtures/" + caseName + ".agfx";
        try (InputStream in = Fixture.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("fixture " + path + " is not on the test class path; "
                        + "run tools/make_fixtures.py");
            }
            return parse(caseName, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fixture " + path, e);
        }
    }

    /** Parses the bytes of a .agfx file; caseName is used in messages. */
    public static Fixture parse(String caseName, byte[] bytes) {
        if (bytes.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
            throw new IllegalStateException("fixture " + caseName + " does not start with the magic AGFX1");
        }
        Fixture fixture = new Fixture(caseName);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        buffer.position(MAGIC.length);
        try {
            int count = buffer.getInt();
            for (int e = 0; e < count; e++) {
                byte[] nameBytes = new byte[buffer.getInt()];
                buffer.get(nameBytes);
                String entry = new String(nameBytes, StandardCharsets.UTF_8);
                int[] shape = new int[buffer.getInt()];
                long size = 1;
                for (int d = 0; d < shape.length; d++) {
                    shape[d] = buffer.getInt();
                    size *= shape[d];
                }
                float[] data = new float[Math.toIntExact(size)];
                buffer.asFloatBuffer().get(data);
                buffer.position(buffer.position() + data.length * Float.BYTES);
                fixture.dims.put(entry, shape);
                fixture.values.put(entry, data);
            }
        } catch (BufferUnderflowException | NegativeArraySizeException e) {
            throw new IllegalStateException("fixture " + caseName + " is truncated or malformed", e);
        }
        if (buffer.hasRemaining()) {
            throw new IllegalStateException("fixture " + caseName + " has " + buffer.remaining()
                    + " bytes after its last entry");
        }
        return fixture;
    }

    /** The values of entry name (row-major). */
    public float[] values(String entry) {
        return require(entry, values).clone();
    }

    /** The dims of entry name (empty for a scalar). */
    public int[] dims(String entry) {
        return require(entry, dims).clone();
    }

    /** The one value of a scalar entry. */
    public float scalar(String entry) {
        float[] data = require(entry, values);
        if (data.length != 1) {
            throw new IllegalStateException("fixture " + name + ": entry " + entry + " has " + data.length
                    + " values, not one scalar");
        }
        return data[0];
    }

    /** A scalar entry that holds an integer (pad, mode, kind, outH, ...). */
    public int integer(String entry) {
        float value = scalar(entry);
        if (value != Math.rint(value)) {
            throw new IllegalStateException("fixture " + name + ": entry " + entry + " = " + value
                    + " is not an integer");
        }
        return (int) value;
    }

    /** The entry names in file order. */
    public List<String> names() {
        return List.copyOf(values.keySet());
    }

    public boolean has(String entry) {
        return values.containsKey(entry);
    }

    private <T> T require(String entry, Map<String, T> map) {
        T found = map.get(entry);
        if (found == null) {
            throw new IllegalStateException("fixture " + name + " has no entry \"" + entry + "\"; it has "
                    + values.keySet());
        }
        return found;
    }
}
