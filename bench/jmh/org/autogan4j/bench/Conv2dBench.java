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

/**
 * conv2d 3x3, pad 1, C -> C channels, with bias: forward and both backwards. bench/peer/torch_ops.py
 * times the same ops with PyTorch; each benchmark ends with a synchronize (a no-op on the CPU).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class Conv2dBench {
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
        weight = tensors.random(c, c, 3, 3);
        bias = tensors.random(c);
        y = tensors.zeros(n, c, s, s);
        dy = tensors.random(n, c, s, s);
        dx = tensors.zeros(n, c, s, s);
        weightGrad = tensors.zeros(c, c, 3, 3);
        biasGrad = tensors.zeros(c);
    }

    @Benchmark
    public void forward() {
        backend.conv2dForward(x, weight, bias, y, 1);
        backend.synchronize();
    }

    @Benchmark
    public void backwardData() {
        backend.conv2dBackwardData(dy, weight, dx, 1);
        backend.synchronize();
    }

    @Benchmark
    public void backwardWeight() {
        backend.conv2dBackwardWeight(x, dy, weightGrad, biasGrad, 1);
        backend.synchronize();
    }

    @TearDown
    public void tearDown() {
        tensors.close();
    }
}
