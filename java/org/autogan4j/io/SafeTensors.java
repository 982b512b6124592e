// Named float32 tensors in the safetensors format (what PyTorch's safetensors package reads):
// 8 bytes little-endian header length N, N bytes of JSON naming each tensor's dtype "F32", shape
// and [begin, end) byte offsets, padded with spaces to a multiple of 8, then the raw little-endian
// values of every tensor in the order given. Optional string metadata goes in "__metadata__".
// Files are written atomically (AtomicFile): a crash leaves the previous file intact.
package org.autogan4j.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;

public final class SafeTensors {
    private SafeTensors() {
    }

    /** Writes tensors (in the map's order) and metadata (may be empty) to file, atomically. */
    public static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata) throws IOException {
        Map<String, Object> header = new LinkedHashMap<>();
        if (!metadata.isEmpty()) {
            header.put(SafeTensorsHeader.METADATA, new LinkedHashMap<>(metadata));
        }
        List<float[]> values = new ArrayList<>();
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            String name = e.getKey();
            if (name.isEmpty() || name.equals(SafeTensorsHeader.METADATA)) {
                throw new IllegalArgumentException("\"" + name + "\" cannot name a tensor in a safetensors file");
            }
            float[] data = e.getValue().toArray();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("dtype", "F32");
            entry.put("shape", e.getValue().shape().dims());
            entry.put("data_offsets", new long[] {offset, offset + (long) data.length * Float.BYTES});
            header.put(name, entry);
            values.add(data);
            offset += (long) data.length * Float.BYTES;
        }
        byte[] json = Json.write(header).getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        byte[] headerBytes = Arrays.copyOf(json, padded);
        Arrays.fill(headerBytes, json.length, padded, (byte) ' ');
        AtomicFile.write(file, out -> {
            out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded).array());
            out.write(headerBytes);
            for (float[] data : values) {
                ByteBuffer bytes = ByteBuffer.allocate(data.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
                bytes.asFloatBuffer().put(data);
                out.write(bytes.array());
            }
        });
    }

    /** Every tensor of file, in data order, as new tensors on device (the caller closes them). */
    public static Map<String, Tensor> read(Path file, Device device) throws IOException {
        Map<String, Tensor> out = new LinkedHashMap<>();
        try (FileChannel channel = SafeTensorsHeader.open(file)) {
            SafeTensorsHeader header = SafeTensorsHeader.read(file, channel);
            for (SafeTensorsHeader.Entry entry : header.entries) {
                out.put(entry.name, Tensor.of(device, header.values(channel, entry), entry.shape));
            }
        } catch (IOException | RuntimeException e) {
            out.values().forEach(Tensor::close);
            throw e;
        }
        return out;
    }

    /** The "__metadata__" strings of file (empty when it has none). */
    public static Map<String, String> readMetadata(Path file) throws IOException {
        try (FileChannel channel = SafeTensorsHeader.open(file)) {
            return SafeTensorsHeader.read(file, channel).metadata;
        }
    }

    /**
     * Loads file into existing tensors: the file must hold exactly the targets' names, each with the
     * target's shape; every name and shape is checked before any target is written.
     */
    public static void readInto(Path file, Map<String, Tensor> targets) throws IOException {
        try (FileChannel channel = SafeTensorsHeader.open(file)) {
            SafeTensorsHeader header = SafeTensorsHeader.read(file, channel);
            List<String> unexpected = new ArrayList<>();
            for (SafeTensorsHeader.Entry entry : header.entries) {
                if (!targets.containsKey(entry.name)) {
                    unexpected.add(entry.name);
                }
            }
            for (Map.Entry<String, Tensor> target : targets.entrySet()) {
                SafeTensorsHeader.Entry entry = header.find(target.getKey());
                if (entry == null) {
                    throw new CheckpointException(file, "has no tensor \"" + target.getKey() + "\" (expected shape "
                            + target.getValue().shape() + "); it holds " + header.entries.size() + " other tensors");
                }
                if (!Arrays.equals(entry.shape, target.getValue().shape().dims())) {
                    throw new CheckpointException(file, "tensor \"" + entry.name + "\" has shape "
                            + Arrays.toString(entry.shape) + " but the model expects " + target.getValue().shape());
                }
            }
            if (!unexpected.isEmpty()) {
                throw new CheckpointException(file, "holds tensors the model does not have: " + unexpected);
            }
            for (Map.Entry<String, Tensor> target : targets.entrySet()) {
                target.getValue().copyFrom(header.values(channel, header.find(target.getKey())));
            }
        }
    }
}
