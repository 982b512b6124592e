// Hostile and broken safetensors files and checkpoints, made byte by byte here: impossible header
// lengths, a 100,000-deep header or sidecar, shapes whose byte count overflows, offsets past the
// end, wrong JSON types. Each is a CheckpointException naming the file and the problem, thrown
// before any tensor is allocated.
package org.autogan4j.badinput;

import static org.autogan4j.badinput.BadInput.refused;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.autogan4j.io.Checkpoint;
import org.autogan4j.io.CheckpointException;
import org.autogan4j.io.Json;
import org.autogan4j.io.SafeTensors;
import org.autogan4j.tensor.Device;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeTensorsBadInputTest {
    private static final int HOSTILE_DEPTH = 100_000;

    @TempDir
    Path dir;

    /** A safetensors file: declared header length, then header bytes, then data bytes. */
    private Path file(String name, long declaredLength, byte[] header, int dataBytes) throws IOException {
        ByteBuffer out = ByteBuffer.allocate(8 + header.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(declaredLength).put(header);
        return Files.write(dir.resolve(name), out.array());
    }

    private Path file(String name, String header, int dataBytes) throws IOException {
        byte[] bytes = header.getBytes(StandardCharsets.UTF_8);
        return file(name, bytes.length, bytes, dataBytes);
    }

    private void refusedHeader(Path file, String... parts) throws IOException {
        refused(CheckpointException.class, dir, file, () -> SafeTensors.readMetadata(file), parts);
    }

    @Test
    void headerLengthsThatCannotBeTrue() throws IOException {
        Path huge = file("huge.safetensors", 1L << 62, "{}".getBytes(StandardCharsets.US_ASCII), 0);
        refusedHeader(huge, "bad header length 4611686018427387904 (the file has 10 bytes");
        Path negative = file("negative.safetensors", -1, "{}".getBytes(StandardCharsets.US_ASCII), 0);
        refusedHeader(negative, "bad header length -1");
    }

    @Test
    void headerNested100000Deep() throws IOException {
        Path deep = file("deep.safetensors", "[".repeat(HOSTILE_DEPTH) + "]".repeat(HOSTILE_DEPTH), 0);
        refusedHeader(deep, "bad header: JSON nested deeper than 64 levels at character 64");
    }

    @Test
    void sidecarNested100000Deep() throws IOException {
        String sidecar = "[".repeat(HOSTILE_DEPTH) + "]".repeat(HOSTILE_DEPTH);
        Path ckpt = file("ckpt.safetensors", "{\"__metadata__\":{\"" + Checkpoint.SIDECAR_KEY + "\":"
                + Json.write(sidecar) + "}}", 0);
        refused(CheckpointException.class, dir, ckpt, () -> Checkpoint.readSidecar(ckpt),
                "its sidecar metadata is not valid JSON: JSON nested deeper than 64 levels");
    }

    @Test
    void shapeWhoseByteCountOverflows() throws IOException {
        Path overflow = file("overflow.safetensors", "{\"x\":{\"dtype\":\"F32\",\"shape\":[2147483647,2147483647,"
                + "2147483647],\"data_offsets\":[0,4]}}", 4);
        refusedHeader(overflow, "tensor \"x\" spans bytes 0..4 but its shape [2147483647, 2147483647, 2147483647] of "
                + "F32 needs more than 8 EiB");
    }

    @Test
    void offsetsPastTheEndOfTheFile() throws IOException {
        Path past = file("past.safetensors", "{\"x\":{\"dtype\":\"F32\",\"shape\":[1073741824],"
                + "\"data_offsets\":[0,4294967296]}}", 4);
        refused(CheckpointException.class, dir, past, () -> SafeTensors.read(past, Device.CPU),
                "truncated: tensor \"x\" ends at data byte 4294967296 but the data section has only 4 bytes");
    }

    @Test
    void wrongDtypes() throws IOException {
        Path number = file("dtype-number.safetensors", "{\"x\":{\"dtype\":5,\"shape\":[1],\"data_offsets\":[0,4]}}", 4);
        refusedHeader(number, "tensor \"x\" has dtype 5; autogan4j reads F32 only");
        Path half = file("dtype-f16.safetensors", "{\"x\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[0,4]}}", 4);
        refusedHeader(half, "tensor \"x\" has dtype F16; autogan4j reads F32 only");
    }

    @Test
    void wrongJsonTypesInTheHeader() throws IOException {
        Path shape = file("shape.safetensors", "{\"x\":{\"dtype\":\"F32\",\"shape\":[\"2\"],\"data_offsets\":[0,8]}}", 8);
        refusedHeader(shape, "tensor \"x\" needs a \"shape\": a list of integers >= 0, found a string 2 at index 0");
        Path offsets = file("offsets.safetensors", "{\"x\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4,8]}}",
                4);
        refusedHeader(offsets, "needs \"data_offsets\": [begin, end] in bytes, found a list of 3");
        Path entry = file("entry.safetensors", "{\"x\":[1]}", 0);
        refusedHeader(entry, "tensor \"x\" must be an object, found a list");
        Path metadata = file("metadata.safetensors", "{\"__metadata__\":{\"step\":12}}", 0);
        refusedHeader(metadata, "metadata \"step\" must be a string, found an integer");
    }

    @Test
    void headerThatIsNotUtf8() throws IOException {
        byte[] header = {'{', '"', (byte) 0xff, '"', ':', '1', '}'};
        Path latin = file("latin.safetensors", header.length, header, 0);
        refusedHeader(latin, "bad header: not UTF-8 text (bad byte at offset 2)");
    }
}
