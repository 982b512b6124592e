// The one place that bounds sizes read from files. A size a file declares (a count in a header, a
// shape, a data offset, a zip entry's length) is never believed before it is checked here: sizes
// multiply without overflow, an allocation is refused when one Java array or the free heap cannot
// hold it, and a stream (a gzip or zip entry) is read only up to the bytes its header justifies, so
// a compression bomb stops after that many bytes instead of ending in OutOfMemoryError. Nesting
// (JSON values, .pth dicts) stops at DEPTH so that no reader recurses without bound.
package org.autogan4j.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

public final class Limits {
    /** Deepest nesting of JSON values and of .pth dicts; autogan4j's own files nest 3 levels. */
    public static final int DEPTH = 64;
    /** Largest JSON document (config, sidecar, topk.json, safetensors header): ours are a few KB. */
    public static final int JSON_BYTES = 16 << 20;
    /** Most values in one JSON document (a header of 100,000 tensors has about 600,000). */
    public static final int JSON_VALUES = 1 << 21;
    /** Longest JSON string, in characters. */
    public static final int JSON_STRING_CHARS = 1 << 22;
    /** Longest JSON number (a double written in full has at most 24 characters). */
    public static final int JSON_NUMBER_CHARS = 64;
    /** Largest pickle (a .pth data.pkl): a state_dict's pickle is a few hundred KB even for big networks. */
    public static final int PICKLE_BYTES = 64 << 20;
    /** Most values one pickle may build, and most memo entries (a state_dict needs about 20 per tensor). */
    public static final int PICKLE_VALUES = 1 << 20;
    /** Largest .npy header (numpy's own reader refuses more than 10,000 bytes by default). */
    public static final int NPY_HEADER_BYTES = 1 << 16;
    /** Most elements of one Java array. */
    public static final long ARRAY_ELEMENTS = Integer.MAX_VALUE - 8;

    /** Makes the reader's own exception (naming its file, with its advice) for a problem. */
    @FunctionalInterface
    public interface Refusal<E extends BadFileException> {
        E because(String problem);
    }

    private Limits() {
    }

    /** The product of sizes (each >= 0), or Long.MAX_VALUE when it overflows: more than any limit. */
    public static long product(long... sizes) {
        long product = 1;
        for (long size : sizes) {
            if (size < 0) {
                throw new IllegalArgumentException("a size cannot be negative: " + size);
            }
            if (size != 0 && product > Long.MAX_VALUE / size) {
                return Long.MAX_VALUE;
            }
            product *= size;
        }
        return product;
    }

    /** Refuses an array of count elements of elementBytes each unless one Java array and the free heap hold it. */
    public static <E extends BadFileException> void checkAllocation(long count, int elementBytes, String what,
                                                                    Refusal<E> refusal) throws E {
        if (count < 0 || count > ARRAY_ELEMENTS) {
            throw refusal.because(what + " would need " + count + " elements of " + elementBytes + " byte(s), more "
                    + "than one Java array holds (" + ARRAY_ELEMENTS + ")");
        }
        long bytes = product(count, elementBytes);
        if (bytes > freeHeap()) {
            System.gc();
            long free = freeHeap();
            if (bytes > free) {
                throw refusal.because(what + " need " + size(bytes) + " of memory but the JVM has " + size(free)
                        + " free of its " + size(Runtime.getRuntime().maxMemory()) + " heap; run java with a larger "
                        + "-Xmx, or check that the file is the one you meant");
            }
        }
    }

    /** The next length bytes of in (length already checked by checkAllocation); refuses a shorter stream. */
    public static byte[] readExactly(InputStream in, int length, String what, Refusal<?> refusal) throws IOException {
        byte[] bytes = new byte[length];
        int read = in.readNBytes(bytes, 0, length);
        if (read != length) {
            throw refusal.because("truncated: it ends after " + read + " of the " + length + " bytes of " + what);
        }
        return bytes;
    }

    /** Refuses when in holds more bytes after what was read (without reading more than one). */
    public static void expectEnd(InputStream in, String what, Refusal<?> refusal) throws IOException {
        if (in.read() >= 0) {
            throw refusal.because("holds more bytes than " + what + "; it is corrupt or not the expected file");
        }
    }

    /** All of in, refusing (after reading at most max + 1 bytes) a stream longer than max bytes. */
    public static byte[] readAtMost(InputStream in, int max, String what, Refusal<?> refusal) throws IOException {
        byte[] bytes = in.readNBytes(max);
        if (bytes.length == max && in.read() >= 0) {
            throw refusal.because(what + " is larger than " + size(max) + ", the most autogan4j reads");
        }
        return bytes;
    }

    /** bytes for people: "1.5 GiB (1610612736 bytes)"; Long.MAX_VALUE reads "more than 8 EiB". */
    public static String size(long bytes) {
        if (bytes == Long.MAX_VALUE) {
            return "more than 8 EiB";
        }
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s (%d bytes)", value, units[unit], bytes);
    }

    private static long freeHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
    }
}
