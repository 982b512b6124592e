// One numpy .npy array (format versions 1.0-3.0): the magic "\x93NUMPY", major and minor version,
// a little-endian header length (uint16 in 1.0, uint32 in 2.0/3.0), an ASCII Python dict
// {'descr': '<f8', 'fortran_order': False, 'shape': (d0, d1), } padded with spaces and a final
// newline to a multiple of 64 bytes, then the values. Reads '<f8' and '<f4' in C order (the FID
// statistics TTUR and pytorch-fid write) from a stream, believing no size before Limits checks it
// and reading exactly the bytes the shape needs (a zip bomb stops there); writes version 1.0 '<f8'.
package org.autogan4j.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGNMENT = 64;
    private static final int CHUNK_BYTES = 1 << 16;
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
    private static final Pattern DIMENSION = Pattern.compile("\\d{1,18}L?");

    /** A float array: its shape (empty for a scalar), values row-major as double, and the stored dtype. */
    public record Array(int[] shape, double[] values, String dtype) {
        public Array {
            long size = Limits.product(Arrays.stream(shape).asLongStream().toArray());
            if (size != values.length) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + size
                        + " values, not " + values.length);
            }
        }

        /** A float64 array of values with shape. */
        public static Array of(double[] values, int... shape) {
            return new Array(shape.clone(), values.clone(), "<f8");
        }
    }

    private Npy() {
    }

    /** Reads one .npy array from in, which must end with it; problems are refused through refusal. */
    public static Array read(InputStream in, Limits.Refusal<?> refusal) throws IOException {
        byte[] start = in.readNBytes(MAGIC.length + 2);
        if (start.length < MAGIC.length + 2 || !Arrays.equals(Arrays.copyOf(start, MAGIC.length), MAGIC)) {
            throw refusal.because("not a .npy array (it does not start with the \\x93NUMPY magic)");
        }
        int major = start[6];
        if (major < 1 || major > 3) {
            throw refusal.because("unsupported .npy version " + major + "." + start[7] + " (1.0 to 3.0 are read)");
        }
        ByteBuffer lengthBytes = ByteBuffer.wrap(Limits.readExactly(in, major == 1 ? 2 : 4, "the header length",
                refusal)).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = major == 1 ? lengthBytes.getShort() & 0xffff : lengthBytes.getInt() & 0xffffffffL;
        if (headerLength > Limits.NPY_HEADER_BYTES) {
            throw refusal.because("declares a header of " + headerLength + " bytes, more than the "
                    + Limits.NPY_HEADER_BYTES + " autogan4j reads (numpy writes under 200)");
        }
        String header = new String(Limits.readExactly(in, (int) headerLength, "the header", refusal),
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1).trim();
        String dtype = find(refusal, DESCR, "descr", header);
        if (!dtype.equals("<f8") && !dtype.equals("<f4")) {
            throw refusal.because("dtype " + dtype + " is not supported; save the array as float64 ('<f8') or "
                    + "float32 ('<f4')");
        }
        if (find(refusal, FORTRAN, "fortran_order", header).equals("True")) {
            throw refusal.because("Fortran-order arrays are not supported; save np.ascontiguousarray(a) instead");
        }
        int[] shape = shape(refusal, find(refusal, SHAPE, "shape", header));
        long size = Limits.product(Arrays.stream(shape).asLongStream().toArray());
        int width = dtype.equals("<f8") ? Double.BYTES : Float.BYTES;
        Limits.checkAllocation(size, Double.BYTES, "the " + Arrays.toString(shape) + " values", refusal);
        double[] values = values(in, (int) size, width);
        if (values == null) {
            throw refusal.because("truncated: shape " + Arrays.toString(shape) + " of " + dtype + " needs "
                    + size * width + " bytes of data, the array holds fewer");
        }
        Limits.expectEnd(in, "its shape " + Arrays.toString(shape) + " of " + dtype + " needs", refusal);
        return new Array(shape, values, dtype);
    }

    /** The .npy 1.0 bytes of array as float64 ('<f8'), C order. */
    public static byte[] write(Array array) {
        StringBuilder shape = new StringBuilder("(");
        for (int d : array.shape()) {
            shape.append(d).append(", ");
        }
        String dims = array.shape().length == 1 ? shape.substring(0, shape.length() - 1) + ")"
                : shape.length() > 1 ? shape.substring(0, shape.length() - 2) + ")" : "()";
        StringBuilder header = new StringBuilder("{'descr': '<f8', 'fortran_order': False, 'shape': " + dims + ", }");
        int total = MAGIC.length + 4 + header.length() + 1;
        header.append(" ".repeat((ALIGNMENT - total % ALIGNMENT) % ALIGNMENT)).append('\n');
        ByteBuffer out = ByteBuffer.allocate(MAGIC.length + 4 + header.length() + array.values().length * Double.BYTES)
                .order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        out.put(header.toString().getBytes(StandardCharsets.ISO_8859_1));
        for (double v : array.values()) {
            out.putDouble(v);
        }
        return out.array();
    }

    /** size values of width bytes each, read in chunks; null when in ends before them. */
    private static double[] values(InputStream in, int size, int width) throws IOException {
        double[] values = new double[size];
        byte[] chunk = new byte[CHUNK_BYTES];
        ByteBuffer view = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
        int perChunk = CHUNK_BYTES / width;
        for (int done = 0; done < size; done += perChunk) {
            int count = Math.min(perChunk, size - done);
            if (in.readNBytes(chunk, 0, count * width) != count * width) {
                return null;
            }
            for (int i = 0; i < count; i++) {
                values[done + i] = width == Double.BYTES ? view.getDouble(i * width) : view.getFloat(i * width);
            }
        }
        return values;
    }

    private static int[] shape(Limits.Refusal<?> refusal, String tuple) throws BadFileException {
        String[] parts = tuple.split(",", -1);
        int count = parts.length > 0 && parts[parts.length - 1].isBlank() ? parts.length - 1 : parts.length;
        int[] shape = new int[count];
        for (int i = 0; i < count; i++) {
            String d = parts[i].trim();
            if (!DIMENSION.matcher(d).matches() || Long.parseLong(d.replace("L", "")) > Integer.MAX_VALUE) {
                throw refusal.because("the shape (" + tuple + ") is not a tuple of integers 0.." + Integer.MAX_VALUE
                        + " (dimension " + i + " is \"" + d + "\")");
            }
            shape[i] = Integer.parseInt(d.replace("L", ""));
        }
        return shape;
    }

    private static String find(Limits.Refusal<?> refusal, Pattern pattern, String key, String header)
            throws BadFileException {
        Matcher m = pattern.matcher(header);
        if (!m.find()) {
            String shown = header.length() > 120 ? header.substring(0, 120) + "..." : header;
            throw refusal.because("the .npy header " + shown.replaceAll("[\\x00-\\x1f]", " ") + " has no valid '"
                    + key + "'");
        }
        return m.group(1);
    }
}
