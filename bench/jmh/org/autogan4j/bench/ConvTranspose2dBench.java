package org.autogan4j.bench;

import java.util.concurrent.TimeUnit;

import org.autogan4j.tensor.Backend;
import org.autogan4j.tensor.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** conv_transpose2d kernel 2, stride 2, C -> C channels, with bias: forward and both backwards. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ConvTranspose2dBench {
    /** "cpu", or "cuda" with -p device=cuda; the default stays cpu so that a CPU-only run works. */
    @Param({"cpu"})
    public String device;

    @Param({"64x64x32", "128x128x16", "64x256x8", "128x128x4", "128x256x16"})
    public String shape;

    private BenchTensors tensors;
    private Backend backend;
    private Tensor x;
    private Tensor weight;
    private Tensor bias;
    private Tensor y;
    private Tensor dy;
    private Tensor dx;
    private Tensor weightGrad;
    private Tensor biasGrad;

    @Setup
    public void setup() {
        tensors = new BenchTensors(device, shape);
        int n = tensors.n;
        int c = tensors.c;
        int s = tensors.s;
        backend = tensors.device.backend();
        x = tensors.random(n, c, s, s);
        weight = tensors.random(c, c, 2, 2);
        bias = tensors.random(c);
        y = tensors.zeros(n, c, 2 * s, 2 * s);
        dy = tensors.random(n, c, 2 * s, 2 * s);
        dx = tensors.zeros(n, c, s, s);
        weightGrad = tensors.zeros(c, c, 2, 2);
        biasGrad = tensors.zeros(c);
    }

    @Benchmark
    public void forward() {
        backend.convTranspose2dForward(x, weight, bias, y);
        backend.synchronize();
    }

    @Benchmark
    public void backwardData() {
        backend.convTranspose2dBackwardData(dy, weight, dx);
        backend.synchronize();
    }

    @Benchmark
    public void backwardWeight() {
        backend.convTranspose2dBackwardWeight(x, dy, weightGrad, biasGrad);
        backend.synchronize();
    }

    @TearDown
    public void tearDown() {
        tensors.close();
    }
}
