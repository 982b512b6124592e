// One numpy .npy array (format versions 1.0-3.0): the magic "\x93NUMPY", major and minor version,
// a little-endian header length (uint16 in 1.0, uint32 in 2.0/3.0), an ASCII Python dict
// {'descr': '<f8', 'fortran_order': False, 'shape': (d0, d1), } padded with spaces and a final
// newline to a multiple of 64 bytes, then the values. Reads '<f8' and '<f4' in C order (the FID
// statistics TTUR and pytorch-fid write); writes version 1.0 '<f8'.
package org.autogan4j.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGNMENT = 64;
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    /** A float array: its shape (empty for a scalar), values row-major as double, and the stored dtype. */
    public record Array(int[] shape, double[] values, String dtype) {
        public Array {
            long size = 1;
            for (int d : shape) {
                size *= d;
            }
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

    /** Parses .npy bytes; where names the source in error messages. */
    public static Array read(String where, byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
            throw new IllegalArgumentException(where + ": not a .npy array (no \\x93NUMPY magic)");
        }
        int major = bytes[6];
        in.position(8);
        long headerLength = major == 1 ? in.getShort() & 0xffff : in.getInt() & 0xffffffffL;
        if (major < 1 || major > 3 || headerLength > in.remaining()) {
            throw new IllegalArgumentException(where + ": unsupported .npy version " + major + " or truncated header");
        }
        String header = new String(bytes, in.position(), (int) headerLength,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        in.position(in.position() + (int) headerLength);
        String dtype = find(where, DESCR, header);
        if (!dtype.equals("<f8") && !dtype.equals("<f4")) {
            throw new IllegalArgumentException(where + ": dtype " + dtype + " is not supported; save the array as "
                    + "float64 ('<f8') or float32 ('<f4')");
        }
        if (find(where, FORTRAN, header).equals("True")) {
            throw new IllegalArgumentException(where + ": Fortran-order arrays are not supported; save "
                    + "np.ascontiguousarray(a) instead");
        }
        int[] shape = Arrays.stream(find(where, SHAPE, header).split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).mapToInt(s -> Integer.parseInt(s.replace("L", ""))).toArray();
        long size = Arrays.stream(shape).asLongStream().reduce(1, (a, b) -> a * b);
        int width = dtype.equals("<f8") ? Double.BYTES : Float.BYTES;
        if (size * width != in.remaining()) {
            throw new IllegalArgumentException(where + ": shape " + Arrays.toString(shape) + " of " + dtype + " needs "
                    + size * width + " bytes of data, the array holds " + in.remaining());
        }
        double[] values = new double[(int) size];
        for (int i = 0; i < values.length; i++) {
            values[i] = width == Double.BYTES ? in.getDouble() : in.getFloat();
        }
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

    private static String find(String where, Pattern pattern, String header) {
        Matcher m = pattern.matcher(header);
        if (!m.find()) {
            throw new IllegalArgumentException(where + ": the .npy header " + header.trim() + " lacks " + pattern);
        }
        return m.group(1);
    }
}
