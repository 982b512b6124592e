// One tensor of a .pth file as PthReader returns it: its flattened name ("model.0.weight"), shape,
// the strides and storage offset it had in its storage (in elements), its dtype, and its values
// gathered into a contiguous row-major array: float32 for float16/32/64 tensors, long for integer
// and bool tensors (num_batches_tracked). Asking for the wrong kind is a clear error.
package org.autogan4j.io;

import java.util.Arrays;

public record PthTensor(String name, int[] shape, long[] strides, long storageOffset, PthDtype dtype,
                        float[] floatValues, long[] integerValues) {

    /** The values as float32, row-major; only for float16, float32 and float64 tensors. */
    public float[] floats() {
        if (floatValues == null) {
            throw new IllegalStateException("tensor " + name + " holds " + dtype + " values, not floating point; "
                    + "read it with integers()");
        }
        return floatValues.clone();
    }

    /** The values of an int64, int32, uint8 or bool tensor (bool as 0/1), row-major. */
    public long[] integers() {
        if (integerValues == null) {
            throw new IllegalStateException("tensor " + name + " holds " + dtype + " values, not integers; "
                    + "read it with floats()");
        }
        return integerValues.clone();
    }

    /** The number of elements, the product of shape. */
    public long size() {
        long size = 1;
        for (int d : shape) {
            size *= d;
        }
        return size;
    }

    @Override
    public String toString() {
        return name + " " + dtype + " " + Arrays.toString(shape);
    }
}
