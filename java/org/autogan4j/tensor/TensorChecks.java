package org.autogan4j.tensor;

import java.util.Arrays;

import org.autogan4j.nativeapi.Ag;

/**
 * Argument checks every {@link Backend} op runs before its native call, so that a wrong shape, a
 * tensor on the wrong device, a closed tensor or a null gives a clear exception instead of a JVM
 * crash, and the status check after it. Messages name the op, the argument and what was expected.
 */
final class TensorChecks {
    private final String op;
    private final Device device;

    TensorChecks(String op, Device device) {
        this.op = op;
        this.device = device;
    }

    /** t is present, open and on this op's device; returns its address. */
    long open(Tensor t, String name) {
        if (t == null) {
            throw new IllegalArgumentException(op + ": " + name + " must not be null");
        }
        if (t.isClosed()) {
            throw new IllegalStateException(op + ": " + name + " " + t.shape() + " is closed");
        }
        if (t.device() != device) {
            throw new IllegalArgumentException(op + ": " + name + " is on " + t.device() + " but this op runs on "
                    + device + "; copy it with Tensor.copyTo(" + device + ")");
        }
        return t.address();
    }

    /** Like {@link #open} but null is allowed (an optional bias); returns 0 for null. */
    long optional(Tensor t, String name) {
        return t == null ? 0L : open(t, name);
    }

    /** t has exactly these dims. */
    void shape(Tensor t, String name, String layout, int... dims) {
        open(t, name);
        if (!Arrays.equals(t.shape().dims(), dims)) {
            throw new IllegalArgumentException(op + ": " + name + " has shape " + t.shape() + " but must be "
                    + Arrays.toString(dims) + " " + layout);
        }
    }

    /** t has the given rank; returns its dims. */
    int[] rank(Tensor t, String name, int rank, String layout) {
        open(t, name);
        if (t.shape().rank() != rank) {
            throw new IllegalArgumentException(op + ": " + name + " has shape " + t.shape() + " but must have rank "
                    + rank + " " + layout);
        }
        return t.shape().dims();
    }

    /** a and b hold the same number of elements. */
    void sameCount(Tensor a, String aName, Tensor b, String bName) {
        open(a, aName);
        open(b, bName);
        if (a.numel() != b.numel()) {
            throw new IllegalArgumentException(op + ": " + aName + " " + a.shape() + " and " + bName + " "
                    + b.shape() + " must have the same number of elements");
        }
    }

    /** Throws the native library's error for a failed status of this op. */
    void call(int status) {
        call(status, op);
    }

    /** Throws the native library's error for a failed status of operation. */
    static void call(int status, String operation) {
        if (status != 0) {
            throw new NativeException(status, operation, Ag.ag_last_error());
        }
    }

    void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(op + ": " + message);
        }
    }
}
