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
 * conv2d 3x3, pad 1, C -> C channels, with bias: forward and both backwards, at stride 1 (AutoGAN's
 * layers) or, with -p stride=2, at stride 2 (InceptionV3's downsampling convs; output s/2 x s/2).
 * bench/peer/torch_ops.py times the stride-1 ops with PyTorch; each benchmark ends with a synchronize
 * (a no-op on the CPU).
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

    /** "1" (the default, the training hot path) or "2". */
    @Param({"1"})
    public int stride;

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
        int p = (s + 2 - 3) / stride + 1;
        y = tensors.zeros(n, c, p, p);
        dy = tensors.random(n, c, p, p);
        dx = tensors.zeros(n, c, s, s);
        weightGrad = tensors.zeros(c, c, 3, 3);
        biasGrad = tensors.zeros(c);
    }

    @Benchmark
    public void forward() {
        backend.conv2dForward(x, weight, bias, y, stride, stride, 1, 1);
        backend.synchronize();
    }

    @Benchmark
    public void backwardData() {
        backend.conv2dBackwardData(dy, weight, dx, stride, stride, 1, 1);
        backend.synchronize();
    }

    @Benchmark
    public void backwardWeight() {
        backend.conv2dBackwardWeight(x, dy, weightGrad, biasGrad, stride, stride, 1, 1);
        backend.synchronize();
    }

    @TearDown
    public void tearDown() {
        tensors.close();
    }
}
