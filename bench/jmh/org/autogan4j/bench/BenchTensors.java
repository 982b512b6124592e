package org.autogan4j.bench;

import java.util.ArrayList;
import java.util.List;

import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;

/**
 * Tensors for the kernel benchmarks: parses the "NxCxS" shape parameter (N images, C channels,
 * S = H = W), makes random tensors on the benchmark's device (Philox normal, never zeros) and
 * closes them all at tear-down.
 */
final class BenchTensors implements AutoCloseable {
    final Device device;
    final int n;
    final int c;
    final int s;
    private final List<Tensor> owned = new ArrayList<>();
    private long offset;

    BenchTensors(String device, String shape) {
        this.device = Device.valueOf(device.toUpperCase(java.util.Locale.ROOT));
        String[] parts = shape.split("x");
        if (parts.length != 3) {
            throw new IllegalArgumentException("shape '" + shape + "' must be NxCxS");
        }
        this.n = Integer.parseInt(parts[0]);
        this.c = Integer.parseInt(parts[1]);
        this.s = Integer.parseInt(parts[2]);
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
