package org.autogan4j.bench;

import java.util.concurrent.TimeUnit;

import org.autogan4j.tensor.Backend;
import org.autogan4j.tensor.Device;
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
 * Square FP32 GEMM (M = N = K = size), C = A B: the achieved GFLOP/s of the hand-written GEMM is
 * 2 size^3 / time; bench/peer/torch_ops.py prints it beside PyTorch's and bench/RESULTS.md beside
 * the machine's peak.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GemmBench {
    /** "cpu", or "cuda" with -p device=cuda; the default stays cpu so that a CPU-only run works. */
    @Param({"cpu"})
    public String device;

    @Param({"256", "512", "1024", "2048"})
    public int size;

    private Backend backend;
    private Tensor a;
    private Tensor b;
    private Tensor c;

    @Setup
    public void setup() {
        Device d = BenchTensors.device(device);
        backend = d.backend();
        a = Tensor.empty(d, size, size);
        b = Tensor.empty(d, size, size);
        c = Tensor.zeros(d, size, size);
        backend.rngNormal(a, 1L, 0L, 0f, 1f);
        backend.rngNormal(b, 2L, 0L, 0f, 1f);
    }

    @Benchmark
    public void sgemm() {
        backend.gemm(false, false, 1f, a, b, 0f, c);
        backend.synchronize();
    }

    @TearDown
    public void tearDown() {
        a.close();
        b.close();
        c.close();
    }
}
