package org.autogan4j.tensor;

import java.util.Arrays;

/**
 * A dense float32 tensor in native memory on one device (64-byte aligned on the CPU). It owns its
 * memory until {@link #close()}, or is a {@link #view} of another tensor's memory. Copies between
 * Java arrays and devices are explicit; nothing here synchronizes behind the caller's back except
 * {@link #toArray()}, which must wait for the data. Not thread-safe.
 */
public final class Tensor implements AutoCloseable {
    private final Backend backend;
    private final Shape shape;
    private final long address;
    private final Tensor owner;
    private boolean closed;

    private Tensor(Backend backend, Shape shape, long address, Tensor owner) {
        this.backend = backend;
        this.shape = shape;
        this.address = address;
        this.owner = owner;
    }

    /** A tensor with uninitialised contents. */
    public static Tensor empty(Device device, Shape shape) {
        Backend backend = device.backend();
        return new Tensor(backend, shape, backend.allocate(shape.bytes()), null);
    }

    public static Tensor empty(Device device, int... dims) {
        return empty(device, Shape.of(dims));
    }

    public static Tensor zeros(Device device, int... dims) {
        Tensor t = empty(device, Shape.of(dims));
        t.backend.fill(t, 0f);
        return t;
    }

    /** A tensor holding a copy of data, which must have exactly prod(dims) elements. */
    public static Tensor of(Device device, float[] data, int... dims) {
        Shape shape = Shape.of(dims);
        if (data == null || data.length != shape.numel()) {
            throw new IllegalArgumentException("data has " + (data == null ? "no" : data.length + "")
                    + " elements but shape " + shape + " needs " + shape.numel());
        }
        Tensor t = empty(device, shape);
        t.copyFrom(data);
        return t;
    }

    public Device device() {
        return backend.device();
    }

    public Backend backend() {
        return backend;
    }

    public Shape shape() {
        return shape;
    }

    public int dim(int i) {
        return shape.dim(i);
    }

    public long numel() {
        return shape.numel();
    }

    public boolean isClosed() {
        return closed || (owner != null && owner.isClosed());
    }

    /** The native address, for the kernel bindings; fails on a closed tensor. */
    public long address() {
        if (isClosed()) {
            throw new IllegalStateException("tensor " + shape + " on " + device() + " is closed");
        }
        return address;
    }

    /** Copies data (exactly numel elements) into this tensor. */
    public void copyFrom(float[] data) {
        if (data == null || data.length != shape.numel()) {
            throw new IllegalArgumentException("cannot copy " + (data == null ? "null" : data.length + " elements")
                    + " into a tensor of shape " + shape);
        }
        backend.upload(this, data);
    }

    /** Copies another tensor's contents (same element count, any device) into this one. */
    public void copyFrom(Tensor source) {
        Backend.copyAcross(source, this);
    }

    /** A new array with this tensor's contents (waits for queued kernels on the GPU). */
    public float[] toArray() {
        float[] out = new float[shape.numelAsInt("a tensor copied to a Java array")];
        backend.download(out, this);
        return out;
    }

    /** A new tensor on device with this tensor's contents. */
    public Tensor copyTo(Device device) {
        Tensor copy = empty(device, shape);
        copy.copyFrom(this);
        return copy;
    }

    /** The same memory seen with another shape of the same element count; closing it does nothing. */
    public Tensor view(int... dims) {
        Shape viewShape = Shape.of(dims);
        if (viewShape.numel() != shape.numel()) {
            throw new IllegalArgumentException("cannot view " + shape + " as " + Arrays.toString(dims)
                    + ": element counts differ");
        }
        return new Tensor(backend, viewShape, address(), owner == null ? this : owner);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (owner == null) {
            backend.free(address, shape.bytes());
        }
    }

    @Override
    public String toString() {
        return "Tensor" + shape + " on " + device() + (isClosed() ? " (closed)" : "");
    }
}
