// Test helpers for kernel tests: seeded random arrays, CPU tensors that are closed together at the
// end of a test (an instance is a scope: try (Tensors t = new Tensors()) { ... }), NaN poisoning
// so that a kernel which skips an output element is caught, and array comparisons whose failure
// message names the first and the worst mismatch.
package org.autogan4j.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;

import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;

public final class Tensors implements AutoCloseable {
    private final Device device;
    private final Deque<Tensor> owned = new ArrayDeque<>();

    /** A scope of CPU tensors. */
    public Tensors() {
        this(Device.CPU);
    }

    /** A scope of tensors on device. */
    public Tensors(Device device) {
        this.device = device;
    }

    /** A tensor holding a copy of data, closed with this scope. */
    public Tensor of(float[] data, int... dims) {
        return own(Tensor.of(device, data, dims));
    }

    public Tensor zeros(int... dims) {
        return own(Tensor.zeros(device, dims));
    }

    /** A tensor full of NaN: every element a kernel fails to write stays NaN. */
    public Tensor poisoned(int... dims) {
        Tensor t = own(Tensor.empty(device, dims));
        poison(t);
        return t;
    }

    /** Takes t into this scope and returns it. */
    public Tensor own(Tensor t) {
        owned.push(t);
        return t;
    }

    @Override
    public void close() {
        while (!owned.isEmpty()) {
            owned.pop().close();
        }
    }

    /** Fills t with NaN before a kernel runs. */
    public static void poison(Tensor t) {
        t.backend().fill(t, Float.NaN);
    }

    /** n standard normal floats from seed. */
    public static float[] randn(long seed, int n) {
        Random random = new Random(seed);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) random.nextGaussian();
        }
        return out;
    }

    /** n floats uniform in [low, high) from seed. */
    public static float[] uniform(long seed, int n, float low, float high) {
        Random random = new Random(seed);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = low + (high - low) * random.nextFloat();
        }
        return out;
    }

    /** The product of dims. */
    public static int numel(int... dims) {
        int n = 1;
        for (int d : dims) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /** a * s, element by element (in float, as a kernel would). */
    public static float[] times(float[] a, float s) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] * s;
        }
        return out;
    }

    /**
     * Fails unless |actual - expected| <= absTol + relTol * |expected| for every element (NaN never
     * passes), naming how many differ, the first and the worst.
     */
    public static void assertClose(float[] expected, float[] actual, double relTol, double absTol, String what) {
        if (expected.length != actual.length) {
            fail(what + ": expected " + expected.length + " elements but got " + actual.length);
        }
        int bad = 0;
        int first = -1;
        int worst = -1;
        double worstExcess = -1;
        for (int i = 0; i < expected.length; i++) {
            double diff = Math.abs((double) actual[i] - expected[i]);
            double allowed = absTol + relTol * Math.abs(expected[i]);
            if (!(diff <= allowed)) {
                bad++;
                first = first < 0 ? i : first;
                double excess = Double.isNaN(diff) ? Double.POSITIVE_INFINITY : diff / allowed;
                if (excess > worstExcess) {
                    worstExcess = excess;
                    worst = i;
                }
            }
        }
        if (bad > 0) {
            fail(what + ": " + bad + " of " + expected.length + " elements differ (allowed |a-e| <= " + absTol + " + "
                    + relTol + "*|e|); first " + describe(expected, actual, first) + "; worst "
                    + describe(expected, actual, worst));
        }
    }

    /** Fails unless the arrays hold the same bits, naming the first difference. */
    public static void assertBitIdentical(float[] expected, float[] actual, String what) {
        if (expected.length != actual.length) {
            fail(what + ": expected " + expected.length + " elements but got " + actual.length);
        }
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToRawIntBits(expected[i]) != Float.floatToRawIntBits(actual[i])) {
                fail(what + ": not bit-identical, first at " + describe(expected, actual, i));
            }
        }
    }

    /** Fails if any element is NaN or infinite (an output element the kernel did not write). */
    public static void assertAllFinite(float[] actual, String what) {
        for (int i = 0; i < actual.length; i++) {
            if (!Float.isFinite(actual[i])) {
                fail(what + ": element [" + i + "] of " + actual.length + " is " + actual[i]
                        + " (not written by the kernel?)");
            }
        }
    }

    private static String describe(float[] expected, float[] actual, int i) {
        return "[" + i + "] expected " + expected[i] + " actual " + actual[i] + " (diff "
                + Math.abs((double) actual[i] - expected[i]) + ")";
    }
}
