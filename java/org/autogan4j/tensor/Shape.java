package org.autogan4j.tensor;

import java.util.Arrays;

/**
 * An immutable tensor shape (row-major, outermost first). Every dimension is >= 1 and the element
 * count must fit a long and a native allocation (4 bytes each), else construction fails saying so.
 */
public final class Shape {
    private final int[] dims;
    private final long numel;

    private Shape(int[] dims) {
        if (dims.length == 0) {
            throw new IllegalArgumentException("a shape needs at least one dimension");
        }
        long count = 1;
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] <= 0) {
                throw new IllegalArgumentException("dimension " + i + " of " + Arrays.toString(dims)
                        + " is " + dims[i] + "; every dimension must be >= 1");
            }
            try {
                count = Math.multiplyExact(count, dims[i]);
                Math.multiplyExact(count, (long) Float.BYTES);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("shape " + Arrays.toString(dims)
                        + " has too many elements to allocate (overflows 64-bit byte counts)");
            }
        }
        this.dims = dims;
        this.numel = count;
    }

    public static Shape of(int... dims) {
        return new Shape(dims.clone());
    }

    public int rank() {
        return dims.length;
    }

    public int dim(int i) {
        return dims[i];
    }

    public int[] dims() {
        return dims.clone();
    }

    public long numel() {
        return numel;
    }

    /** The number of elements as an int, for kernels that take an int count; fails if it does not fit. */
    public int numelAsInt(String what) {
        if (numel > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(what + " has " + numel + " elements, more than the "
                    + Integer.MAX_VALUE + " this kernel can index");
        }
        return (int) numel;
    }

    public long bytes() {
        return numel * Float.BYTES;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Shape && Arrays.equals(dims, ((Shape) other).dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    @Override
    public String toString() {
        return Arrays.toString(dims);
    }
}
