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

/** batch_norm2d in training mode (batch statistics, running-stat update): forward and backward. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BatchNorm2dBench {
    /** "cpu", or "cuda" with -p device=cuda; the default stays cpu so that a CPU-only run works. */
    @Param({"cpu"})
    public String device;

    @Param({"64x64x32", "128x128x16", "128x256x8"})
    public String shape;

    private BenchTensors tensors;
    private Backend backend;
    private Tensor x;
    private Tensor gamma;
    private Tensor beta;
    private Tensor y;
    private Tensor saveMean;
    private Tensor saveInvStd;
    private Tensor runningMean;
    private Tensor runningVar;
    private Tensor dy;
    private Tensor dx;
    private Tensor gammaGrad;
    private Tensor betaGrad;

    @Setup
    public void setup() {
        tensors = new BenchTensors(device, shape);
        int n = tensors.n;
        int c = tensors.c;
        int s = tensors.s;
        backend = tensors.device.backend();
        x = tensors.random(n, c, s, s);
        gamma = tensors.random(c);
        beta = tensors.random(c);
        y = tensors.zeros(n, c, s, s);
        saveMean = tensors.zeros(c);
        saveInvStd = tensors.zeros(c);
        runningMean = tensors.zeros(c);
        runningVar = tensors.zeros(c);
        dy = tensors.random(n, c, s, s);
        dx = tensors.zeros(n, c, s, s);
        gammaGrad = tensors.zeros(c);
        betaGrad = tensors.zeros(c);
        backend.batchNorm2dForwardTrain(x, gamma, beta, y, saveMean, saveInvStd, runningMean, runningVar, 1e-5f, 0.1f);
    }

    @Benchmark
    public void forwardTrain() {
        backend.batchNorm2dForwardTrain(x, gamma, beta, y, saveMean, saveInvStd, runningMean, runningVar, 1e-5f, 0.1f);
        backend.synchronize();
    }

    @Benchmark
    public void backward() {
        backend.batchNorm2dBackward(x, dy, gamma, saveMean, saveInvStd, dx, gammaGrad, betaGrad);
        backend.synchronize();
    }

    @TearDown
    public void tearDown() {
        tensors.close();
    }
}
