package org.autogan4j.bench;

import java.util.concurrent.TimeUnit;

import org.autogan4j.tensor.Backend;
import org.autogan4j.tensor.Tensor;
import org.autogan4j.tensor.UpsampleMode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** upsample x2 (nearest or bilinear, align_corners = False): forward and backward. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class UpsampleBench {
    /** "cpu", or "cuda" with -p device=cuda; the default stays cpu so that a CPU-only run works. */
    @Param({"cpu"})
    public String device;

    @Param({"64x64x32", "128x128x16", "128x256x8"})
    public String shape;

    @Param({"nearest", "bilinear"})
    public String mode;

    private BenchTensors tensors;
    private Backend backend;
    private UpsampleMode upsampleMode;
    private Tensor x;
    private Tensor y;
    private Tensor dy;
    private Tensor dx;

    @Setup
    public void setup() {
        tensors = new BenchTensors(device, shape);
        int n = tensors.n;
        int c = tensors.c;
        int s = tensors.s;
        backend = tensors.device.backend();
        upsampleMode = UpsampleMode.valueOf(mode.toUpperCase(java.util.Locale.ROOT));
        x = tensors.random(n, c, s, s);
        y = tensors.zeros(n, c, 2 * s, 2 * s);
        dy = tensors.random(n, c, 2 * s, 2 * s);
        dx = tensors.zeros(n, c, s, s);
    }

    @Benchmark
    public void forward() {
        backend.upsampleForward(x, y, upsampleMode);
        backend.synchronize();
    }

    @Benchmark
    public void backward() {
        backend.upsampleBackward(dy, dx, upsampleMode);
        backend.synchronize();
    }

    @TearDown
    public void tearDown() {
        tensors.close();
    }
}
