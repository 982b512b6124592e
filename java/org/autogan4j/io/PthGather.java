// Copies one .pth tensor out of its storage into a contiguous row-major array, honouring the
// tensor's shape, strides and storage offset (a transposed or sliced view reads the right
// elements), and converting float16/float64 to float32; integer and bool storages stay exact.
// Shapes, strides and offsets are checked without overflow before anything is allocated: the last
// element a view reaches must lie inside its storage, and the gathered copy must fit in the heap
// (a stride of 0 lets a tiny storage claim a huge tensor).
package org.autogan4j.io;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;

import org.autogan4j.io.PickleTorch.TensorRef;

final class PthGather {
    private PthGather() {
    }

    /** name's values from storage (little-endian bytes of the tensor's storage). */
    static PthTensor gather(Path file, String name, TensorRef tensor, ByteBuffer storage) throws CheckpointException {
        long[] shape = tensor.shape();
        long[] strides = tensor.strides();
        if (shape.length != strides.length) {
            throw new CheckpointException(file, "tensor " + name + " has shape " + Arrays.toString(shape)
                    + " but strides " + Arrays.toString(strides));
        }
        int[] dims = new int[shape.length];
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] < 0 || shape[d] > Integer.MAX_VALUE || strides[d] < 0) {
                throw new CheckpointException(file, "tensor " + name + " has an invalid shape " + Arrays.toString(shape)
                        + " or strides " + Arrays.toString(strides));
            }
            dims[d] = (int) shape[d];
        }
        long size = Limits.product(shape);
        long numel = tensor.storage().numel();
        if (size > 0 && (tensor.storageOffset() < 0 || lastElement(tensor) >= numel)) {
            throw new CheckpointException(file, "tensor " + name + " (shape " + Arrays.toString(shape) + ", strides "
                    + Arrays.toString(strides) + ", offset " + tensor.storageOffset() + ") reaches past its storage of "
                    + numel + " elements");
        }
        PthDtype dtype = tensor.storage().dtype();
        Limits.checkAllocation(size, dtype.isFloatingPoint() ? Float.BYTES : Long.BYTES, "tensor " + name + "'s "
                + size + " values", problem -> new CheckpointException(file, problem));
        float[] floats = dtype.isFloatingPoint() ? new float[(int) size] : null;
        long[] integers = dtype.isFloatingPoint() ? null : new long[(int) size];
        int[] index = new int[dims.length];
        for (int i = 0; i < size; i++) {
            long element = tensor.storageOffset();
            for (int d = 0; d < dims.length; d++) {
                element += index[d] * strides[d];
            }
            int at = (int) (element * dtype.bytes());
            switch (dtype) {
                case FLOAT32 -> floats[i] = storage.getFloat(at);
                case FLOAT16 -> floats[i] = halfToFloat(storage.getShort(at));
                case FLOAT64 -> floats[i] = (float) storage.getDouble(at);
                case INT64 -> integers[i] = storage.getLong(at);
                case INT32 -> integers[i] = storage.getInt(at);
                case UINT8, BOOL -> integers[i] = storage.get(at) & 0xff;
            }
            for (int d = dims.length - 1; d >= 0 && ++index[d] == dims[d]; d--) {
                index[d] = 0;
            }
        }
        return new PthTensor(name, dims, strides.clone(), tensor.storageOffset(), dtype, floats, integers);
    }

    /** The storage index of the tensor's last element, Long.MAX_VALUE when that overflows. */
    private static long lastElement(TensorRef tensor) {
        long last = tensor.storageOffset();
        for (int d = 0; d < tensor.shape().length; d++) {
            long step = Limits.product(tensor.shape()[d] - 1, tensor.strides()[d]);
            if (step == Long.MAX_VALUE || last > Long.MAX_VALUE - step) {
                return Long.MAX_VALUE;
            }
            last += step;
        }
        return last;
    }

    /** IEEE 754 binary16 bits -> the float32 of the same value (exact: every half is a float). */
    static float halfToFloat(short bits) {
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >> 10) & 0x1f;
        int mantissa = bits & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }
}
