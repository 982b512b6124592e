package org.autogan4j.bench;

import java.util.ArrayList;
import java.util.List;

import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;

/**
 * Tensors for the kernel benchmarks: parses the device parameter ("cpu", or "cuda" with
 * -p device=cuda) and the "NxCxS" shape parameter (N images, C channels, S = H = W), makes random
 * tensors on the benchmark's device (Philox normal, never zeros) and closes them all at tear-down.
 */
final class BenchTensors implements AutoCloseable {
    final Device device;
    final int n;
    final int c;
    final int s;
    private final List<Tensor> owned = new ArrayList<>();
    private long offset;

    BenchTensors(String device, String shape) {
        this.device = device(device);
        int[] dims = shape(shape);
        this.n = dims[0];
        this.c = dims[1];
        this.s = dims[2];
    }

    /** The benchmark's device parameter: "cpu" (the default) or "cuda" (-p device=cuda). */
    static Device device(String name) {
        switch (name) {
            case "cpu":
                return Device.CPU;
            case "cuda":
                return Device.CUDA;
            default:
                throw new IllegalArgumentException("device '" + name + "' must be cpu or cuda (-p device=cuda)");
        }
    }

    /** "NxCxS" -> {N, C, S}. */
    static int[] shape(String shape) {
        String[] parts = shape.split("x");
        if (parts.length != 3) {
            throw new IllegalArgumentException("shape '" + shape + "' must be NxCxS");
        }
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2])};
    }

    /** A tensor of normal(0, 1) values. */
    Tensor random(int... dims) {
        Tensor t = Tensor.empty(device, dims);
        owned.add(t);
        t.backend().rngNormal(t, 42L, offset++, 0f, 1f);
        return t;
    }

    /** A tensor of zeros. */
    Tensor zeros(int... dims) {
        Tensor t = Tensor.zeros(device, dims);
        owned.add(t);
        return t;
    }

    @Override
    public void close() {
        device.backend().synchronize();
        owned.forEach(Tensor::close);
        owned.clear();
    }
}
