// Tensors in pairs for the CUDA parity tests: every Twin holds the same data on the CPU and on the
// GPU, so that a test runs one op on both devices (both(device -> ...)) and compares the outputs.
// Inputs are random (never zeros); outputs start as NaN on both sides so that an element a kernel
// skips is caught; accumulating gradients start as the same random values on both sides so that
// += is tested, not =. An instance is a scope: every tensor it made is closed with it.
package org.autogan4j.testing;

import java.util.function.Consumer;

import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;

public final class TwinTensors implements AutoCloseable {
    /** One tensor's CPU and CUDA copies, of the same shape. */
    public record Twin(Tensor cpu, Tensor cuda) {
        /** The copy on device. */
        public Tensor on(Device device) {
            return device == Device.CUDA ? cuda : cpu;
        }
    }

    private final Tensors cpu = new Tensors(Device.CPU);
    private final Tensors cuda = new Tensors(Device.CUDA);

    /** The same data on both devices. */
    public Twin of(float[] data, int... dims) {
        return new Twin(cpu.of(data, dims), cuda.of(data, dims));
    }

    /** Standard normal values from seed. */
    public Twin random(long seed, int... dims) {
        return of(Tensors.randn(seed, Tensors.numel(dims)), dims);
    }

    /** Normal values of the given mean and standard deviation from seed. */
    public Twin normal(long seed, float mean, float std, int... dims) {
        float[] data = Tensors.randn(seed, Tensors.numel(dims));
        for (int i = 0; i < data.length; i++) {
            data[i] = mean + std * data[i];
        }
        return of(data, dims);
    }

    /** Uniform values in [low, high) from seed. */
    public Twin uniform(long seed, float low, float high, int... dims) {
        return of(Tensors.uniform(seed, Tensors.numel(dims), low, high), dims);
    }

    /** NaN on both devices: the output of an op under test. */
    public Twin poisoned(int... dims) {
        return new Twin(cpu.poisoned(dims), cuda.poisoned(dims));
    }

    /** t's copy on device, or null where t is null (an optional argument). */
    public static Tensor on(Twin t, Device device) {
        return t == null ? null : t.on(device);
    }

    /** Runs op on the CPU, then on CUDA, and waits for the GPU. */
    public static void both(Consumer<Device> op) {
        op.accept(Device.CPU);
        op.accept(Device.CUDA);
        Device.CUDA.backend().synchronize();
    }

    @Override
    public void close() {
        cuda.close();
        cpu.close();
    }
}
