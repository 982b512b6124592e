// The parsed and checked header of a safetensors file: 8 bytes little-endian N, N bytes of JSON
// {"__metadata__": {string: string}, name: {"dtype", "shape", "data_offsets": [begin, end]}, ...},
// then the data section, where [begin, end) are byte offsets. Checked as the safetensors library
// does: the tensors tile the data section exactly, in some order, with no gap and no overlap.
// Only F32 tensors are accepted (all autogan4j stores); a rank-0 tensor is read as shape [1].
// Every size in the header is checked before it is used: the header length against the file and
// Limits.JSON_BYTES, the JSON by the one bounded reader, shapes and offsets without overflow, and a
// tensor's values against one Java array and the free heap.
package org.autogan4j.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

final class SafeTensorsHeader {
    /** The largest header read: Limits.JSON_BYTES (the safetensors library allows up to 100 MB). */
    static final long MAX_HEADER_BYTES = Limits.JSON_BYTES;
    static final String METADATA = "__metadata__";

    /** One tensor: shape and its byte range in the data section. */
    static final class Entry {
        final String name;
        final int[] shape;
        final long begin;
        final long end;

        Entry(String name, int[] shape, long begin, long end) {
            this.name = name;
            this.shape = shape;
            this.begin = begin;
            this.end = end;
        }
    }

    final Path file;
    final long dataStart;
    /** The tensors in data order (for files written here, the order they were written in). */
    final List<Entry> entries = new ArrayList<>();
    final Map<String, String> metadata = new LinkedHashMap<>();

    private SafeTensorsHeader(Path file, long dataStart) {
        this.file = file;
        this.dataStart = dataStart;
    }

    /** Reads and checks the header of file through channel. */
    static SafeTensorsHeader read(Path file, FileChannel channel) throws IOException {
        long size = channel.size();
        if (size < 8) {
            throw new CheckpointException(file, "truncated: " + size + " bytes, less than the 8-byte header length");
        }
        ByteBuffer lengthBytes = readFully(file, channel, 0, 8);
        long headerLength = lengthBytes.order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (headerLength < 2 || headerLength > MAX_HEADER_BYTES || headerLength > size - 8) {
            throw new CheckpointException(file, "bad header length " + headerLength + " (the file has " + size
                    + " bytes; a safetensors header is 2.." + MAX_HEADER_BYTES + " bytes of JSON after the first 8): "
                    + "truncated or not a safetensors file");
        }
        Object parsed;
        try {
            parsed = Json.parse(JsonParser.utf8(null, readFully(file, channel, 8, (int) headerLength).array()));
        } catch (JsonException e) {
            throw new CheckpointException(file, "bad header: " + e.getMessage());
        }
        if (!(parsed instanceof Map)) {
            throw new CheckpointException(file, "bad header: the JSON must be an object, found "
                    + JsonObject.kind(parsed));
        }
        SafeTensorsHeader header = new SafeTensorsHeader(file, 8 + headerLength);
        for (Map.Entry<?, ?> e : ((Map<?, ?>) parsed).entrySet()) {
            String name = (String) e.getKey();
            if (name.equals(METADATA)) {
                header.readMetadata(e.getValue());
            } else {
                header.entries.add(header.entry(name, e.getValue()));
            }
        }
        header.entries.sort(Comparator.comparingLong(entry -> entry.begin));
        header.checkTiling(size - header.dataStart);
        return header;
    }

    /** Opens file for reading, naming it when it is missing. */
    static FileChannel open(Path file) throws IOException {
        try {
            return FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new CheckpointException(file, "no such file", e);
        }
    }

    Entry find(String name) {
        for (Entry entry : entries) {
            if (entry.name.equals(name)) {
                return entry;
            }
        }
        return null;
    }

    /** The float32 values of entry, read through channel. */
    float[] values(FileChannel channel, Entry entry) throws IOException {
        long elements = (entry.end - entry.begin) / Float.BYTES;
        Limits.checkAllocation(elements, 2 * Float.BYTES, "tensor \"" + entry.name + "\"'s values (read and kept)",
                problem -> new CheckpointException(file, problem));
        int count = (int) elements;
        float[] out = new float[count];
        readFully(file, channel, dataStart + entry.begin, count * Float.BYTES)
                .order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }

    private void readMetadata(Object value) throws IOException {
        if (!(value instanceof Map)) {
            throw new CheckpointException(file, "bad header: " + METADATA + " must be an object, found "
                    + JsonObject.kind(value));
        }
        for (Map.Entry<?, ?> m : ((Map<?, ?>) value).entrySet()) {
            if (!(m.getValue() instanceof String)) {
                throw new CheckpointException(file, "bad header: metadata \"" + m.getKey() + "\" must be a string, "
                        + "found " + JsonObject.kind(m.getValue()));
            }
            metadata.put((String) m.getKey(), (String) m.getValue());
        }
    }

    private Entry entry(String name, Object value) throws IOException {
        String where = "bad header: tensor \"" + name + "\" ";
        if (!(value instanceof Map)) {
            throw new CheckpointException(file, where + "must be an object, found " + JsonObject.kind(value));
        }
        Map<?, ?> fields = (Map<?, ?>) value;
        if (!"F32".equals(fields.get("dtype"))) {
            throw new CheckpointException(file, where + "has dtype " + fields.get("dtype") + "; autogan4j reads F32 only");
        }
        long[] shape = longs(fields.get("shape"), -1, where + "needs a \"shape\": a list of integers");
        long[] offsets = longs(fields.get("data_offsets"), 2, where + "needs \"data_offsets\": [begin, end] in bytes");
        int[] dims = new int[shape.length];
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] < 1 || shape[i] > Integer.MAX_VALUE) {
                throw new CheckpointException(file, where + "has dimension " + i + " = " + shape[i]
                        + "; autogan4j tensors need dimensions 1.." + Integer.MAX_VALUE);
            }
            dims[i] = (int) shape[i];
        }
        if (dims.length == 0) {
            dims = new int[] {1};
        }
        long bytes = Limits.product(Limits.product(shape), Float.BYTES);
        if (offsets[1] < offsets[0] || offsets[1] - offsets[0] != bytes) {
            throw new CheckpointException(file, where + "spans bytes " + offsets[0] + ".." + offsets[1]
                    + " but its shape " + Arrays.toString(shape) + " of F32 needs " + Limits.size(bytes));
        }
        return new Entry(name, dims, offsets[0], offsets[1]);
    }

    private long[] longs(Object value, int length, String problem) throws IOException {
        if (!(value instanceof List) || (length >= 0 && ((List<?>) value).size() != length)) {
            throw new CheckpointException(file, problem + ", found " + JsonObject.kind(value)
                    + (value instanceof List<?> list ? " of " + list.size() : ""));
        }
        List<?> list = (List<?>) value;
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(list.get(i) instanceof Long) || (Long) list.get(i) < 0) {
                throw new CheckpointException(file, problem + " >= 0, found " + JsonObject.kind(list.get(i))
                        + " " + list.get(i) + " at index " + i);
            }
            out[i] = (Long) list.get(i);
        }
        return out;
    }

    private void checkTiling(long dataBytes) throws IOException {
        long expected = 0;
        for (Entry entry : entries) {
            if (entry.begin != expected) {
                throw new CheckpointException(file, "bad header: tensor \"" + entry.name + "\" starts at data byte "
                        + entry.begin + " but the previous tensor ends at " + expected + " (gap or overlap)");
            }
            expected = entry.end;
        }
        if (expected != dataBytes) {
            Entry last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
            throw new CheckpointException(file, expected > dataBytes
                    ? "truncated: tensor \"" + last.name + "\" ends at data byte " + expected + " but the data section"
                            + " has only " + dataBytes + " bytes"
                    : "the data section has " + dataBytes + " bytes but the tensors cover " + expected);
        }
    }

    private static ByteBuffer readFully(Path file, FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new CheckpointException(file, "truncated: ends at byte " + (position + buffer.position())
                        + " while reading bytes " + position + ".." + (position + length));
            }
        }
        return buffer.flip();
    }
}
