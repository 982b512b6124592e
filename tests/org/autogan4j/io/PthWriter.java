// Writes float32 tensors as a state_dict .pth file in torch.save's zip format (PyTorch 1.6 on), so
// that test and device-check code can make weights files, such as stand-in Inception weights, where
// no Python runs: <archive>/data.pkl, a protocol-2 pickle of an OrderedDict of name ->
// torch._utils._rebuild_tensor_v2(storage, 0, shape, contiguous strides, False, OrderedDict()), the
// storage named by a persistent id ('storage', torch.FloatStorage, key, 'cpu', numel); then
// <archive>/data/<key> with the raw little-endian floats and <archive>/version ("3"). Entries are
// stored uncompressed, as torch.save writes them; PthReader and torch.load both read the result.
package org.autogan4j.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

public final class PthWriter {
    /** The archive folder inside the zip. */
    private static final String ARCHIVE = "archive/";

    private final Map<String, int[]> shapes = new LinkedHashMap<>();
    private final Map<String, float[]> values = new LinkedHashMap<>();

    /** Adds tensor name (row-major values, prod(shape) of them); names keep the order they are added in. */
    public PthWriter put(String name, int[] shape, float[] data) {
        long numel = 1;
        for (int d : shape) {
            numel *= d;
        }
        if (numel != data.length) {
            throw new IllegalArgumentException(name + ": shape holds " + numel + " elements, got " + data.length);
        }
        if (shapes.putIfAbsent(name, shape.clone()) != null) {
            throw new IllegalArgumentException("tensor " + name + " was already added");
        }
        values.put(name, data);
        return this;
    }

    /** Writes the tensors added so far to file, through a temporary file renamed at the end. */
    public void write(Path file) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(temporary))) {
            stored(zip, ARCHIVE + "data.pkl", pickle());
            int key = 0;
            for (float[] data : values.values()) {
                ByteBuffer raw = ByteBuffer.allocate(data.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
                raw.asFloatBuffer().put(data);
                stored(zip, ARCHIVE + "data/" + key++, raw.array());
            }
            stored(zip, ARCHIVE + "version", "3\n".getBytes(StandardCharsets.US_ASCII));
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void stored(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    private byte[] pickle() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x80, 2});
        orderedDict(out);
        out.write('(');
        int key = 0;
        for (Map.Entry<String, int[]> e : shapes.entrySet()) {
            int[] shape = e.getValue();
            text(out, e.getKey());
            global(out, "torch._utils", "_rebuild_tensor_v2");
            out.write('(');
            out.write('(');
            text(out, "storage");
            global(out, "torch", "FloatStorage");
            text(out, Integer.toString(key++));
            text(out, "cpu");
            integer(out, values.get(e.getKey()).length);
            out.write('t');
            out.write('Q');
            integer(out, 0);
            out.write('(');
            for (int d : shape) {
                integer(out, d);
            }
            out.write('t');
            out.write('(');
            long stride = 1;
            long[] strides = new long[shape.length];
            for (int i = shape.length - 1; i >= 0; i--) {
                strides[i] = stride;
                stride *= shape[i];
            }
            for (long s : strides) {
                integer(out, s);
            }
            out.write('t');
            out.write(0x89); // NEWFALSE: requires_grad
            orderedDict(out);
            out.write('t');
            out.write('R');
        }
        out.write('u');
        out.write('.');
        return out.toByteArray();
    }

    private static void orderedDict(OutputStream out) throws IOException {
        global(out, "collections", "OrderedDict");
        out.write(')');
        out.write('R');
    }

    private static void global(OutputStream out, String module, String name) throws IOException {
        out.write('c');
        out.write((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    private static void text(OutputStream out, String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.write('X');
        out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(utf8.length).array());
        out.write(utf8);
    }

    private static void integer(OutputStream out, long v) throws IOException {
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("integer " + v + " does not fit a pickle BININT here");
        }
        out.write('J');
        out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) v).array());
    }
}
