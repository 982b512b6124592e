// The CUDA library's runtime against the CPU twins and its own promises: fill and the Philox fills
// (uniform bit for bit, normal within an ulp-level tolerance), upload/download and copies across
// devices, memory info, determinism (two runs of conv2d backward-weight and of batch norm give the
// same bits) and the caching allocator's steady state (allocating the same sizes again takes no
// new device memory). The op-by-op parity lives in the other Cuda*ParityTest classes. Skipped
// (counted, with the reason) where there is no GPU, unless -Dag.cuda.required=true.
package org.autogan4j.kernels;

import static org.autogan4j.testing.Tensors.assertBitIdentical;
import static org.autogan4j.testing.Tensors.assertClose;
import static org.autogan4j.testing.TwinTensors.both;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.autogan4j.tensor.Backend;
import org.autogan4j.tensor.CudaDevice;
import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;
import org.autogan4j.testing.CudaParity;
import org.autogan4j.testing.Tensors;
import org.autogan4j.testing.TwinTensors;
import org.autogan4j.testing.TwinTensors.Twin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("cuda")
class CudaParityTest {
    /** Normal draws: CUDA's logf/sinf/cosf may differ from glibc's by an ulp or two (values <= ~6). */
    private static final double NORMAL_ABS = 1e-6;
    /** ...and that ulp grows with the value: a relative part for the largest draws. */
    private static final double NORMAL_REL = 3e-7;
    /** Past one CUDA block and grid stride, and not a multiple of 4 (a partial Philox block). */
    private static final int N = 1_000_003;
    /** The allocator's steady state: free device memory may move by at most this much (the driver's
     *  own bookkeeping, other processes), where a leak of the ~49 MB cycled would lose ~4.9 GB. */
    private static final long STEADY_STATE_SLACK = 64L << 20;
    /** Allocation sizes of the steady-state test, in floats: an AutoGAN activation, a weight, odd ones. */
    private static final int[] ALLOC_FLOATS = {128 * 256 * 16 * 16, 256 * 256 * 9, 1, 4099, 3_333_333};
    private static final Backend CPU = Device.CPU.backend();

    @BeforeEach
    void requireCuda() {
        CudaParity.requireCuda();
    }

    @Test
    void fillMatchesTheCpu() {
        try (Tensors gpu = new Tensors(Device.CUDA); Tensors cpu = new Tensors()) {
            Tensor y = gpu.poisoned(N);
            Device.CUDA.backend().fill(y, -1.25f);
            Tensor expected = cpu.poisoned(N);
            CPU.fill(expected, -1.25f);
            assertBitIdentical(expected.toArray(), y.toArray(), "CUDA fill -1.25");
        }
    }

    @Test
    void uniformIsBitIdenticalToTheCpu() {
        for (long[] seedOffset : new long[][] {{0, 0}, {42, 7}, {-1, 1L << 40}}) {
            try (Tensors gpu = new Tensors(Device.CUDA); Tensors cpu = new Tensors()) {
                Tensor y = gpu.poisoned(N);
                Device.CUDA.backend().rngUniform(y, seedOffset[0], seedOffset[1], -2f, 3f);
                Tensor expected = cpu.poisoned(N);
                CPU.rngUniform(expected, seedOffset[0], seedOffset[1], -2f, 3f);
                assertBitIdentical(expected.toArray(), y.toArray(), "CUDA uniform, seed " + seedOffset[0] + " offset "
                        + seedOffset[1]);
            }
        }
    }

    @Test
    void normalMatchesTheCpu() {
        for (long[] seedOffset : new long[][] {{0, 0}, {42, 7}, {-1, 1L << 40}}) {
            try (Tensors gpu = new Tensors(Device.CUDA); Tensors cpu = new Tensors()) {
                Tensor y = gpu.poisoned(N);
                Device.CUDA.backend().rngNormal(y, seedOffset[0], seedOffset[1], 0f, 1f);
                Tensor expected = cpu.poisoned(N);
                CPU.rngNormal(expected, seedOffset[0], seedOffset[1], 0f, 1f);
                assertClose(expected.toArray(), y.toArray(), NORMAL_REL, NORMAL_ABS, "CUDA normal, seed "
                        + seedOffset[0] + " offset " + seedOffset[1]);
            }
        }
    }

    @Test
    void uploadDownloadAndCopiesRoundTrip() {
        float[] data = Tensors.randn(251, N);
        data[0] = Float.NaN;
        data[1] = -0f;
        try (Tensors gpu = new Tensors(Device.CUDA); Tensors cpu = new Tensors()) {
            Tensor onGpu = gpu.of(data, N);
            assertEquals(Device.CUDA, onGpu.device());
            assertBitIdentical(data, onGpu.toArray(), "float[] -> CUDA -> float[]");
            Tensor back = cpu.own(onGpu.copyTo(Device.CPU));
            assertBitIdentical(data, back.toArray(), "CUDA -> CPU copy");
            Tensor again = gpu.own(cpu.of(data, N).copyTo(Device.CUDA));
            assertBitIdentical(data, again.toArray(), "CPU -> CUDA copy");
            Tensor copy = gpu.poisoned(N);
            Device.CUDA.backend().copy(copy, again);
            assertBitIdentical(data, copy.toArray(), "CUDA -> CUDA copy");
        }
    }

    @Test
    void memoryInfoIsSane() {
        long[] info = CudaDevice.memoryInfo();
        assertTrue(info[1] >= (1L << 30), "total device memory " + info[1] + " bytes is under 1 GiB");
        assertTrue(info[0] > 0 && info[0] <= info[1], "free " + info[0] + " must lie in (0, total " + info[1] + "]");
        assertTrue(CudaDevice.describe().contains("sm_"), CudaDevice.describe());
    }

    @Test
    void conv2dBackwardWeightIsDeterministic() {
        // x (128,128,16,16), dy (128,128,16,16) -> weightGrad (128,128,3,3): a 32768-term reduction
        // per weight, where split-K with float atomics would show up as differing bits.
        try (TwinTensors t = new TwinTensors()) {
            Twin x = t.random(1, 128, 128, 16, 16);
            Twin dy = t.random(2, 128, 128, 16, 16);
            float[][] runs = new float[2][];
            for (int run = 0; run < 2; run++) {
                Twin weightGrad = t.random(3, 128, 128, 3, 3);
                Twin biasGrad = t.random(4, 128);
                Device.CUDA.backend().conv2dBackwardWeight(x.cuda(), dy.cuda(), weightGrad.cuda(), biasGrad.cuda(),
                        1, 1, 1, 1);
                runs[run] = concat(weightGrad.cuda().toArray(), biasGrad.cuda().toArray());
            }
            assertBitIdentical(runs[0], runs[1], "two runs of CUDA conv2dBackwardWeight (weightGrad, biasGrad)");
        }
    }

    @Test
    void batchNormIsDeterministic() {
        // x, dy (128,128,16,16): per-channel statistics and gradient sums over 32768 values.
        try (TwinTensors t = new TwinTensors()) {
            Twin x = t.normal(1, 0.5f, 2f, 128, 128, 16, 16);
            Twin dy = t.random(2, 128, 128, 16, 16);
            Twin gamma = t.normal(3, 1f, 0.1f, 128);
            Twin beta = t.random(4, 128);
            float[][] runs = new float[2][];
            for (int run = 0; run < 2; run++) {
                Twin y = t.poisoned(128, 128, 16, 16);
                Twin saveMean = t.poisoned(128);
                Twin saveInvStd = t.poisoned(128);
                Twin runningMean = t.random(5, 128);
                Twin runningVar = t.uniform(6, 0.5f, 2f, 128);
                Twin dx = t.poisoned(128, 128, 16, 16);
                Twin gammaGrad = t.random(7, 128);
                Twin betaGrad = t.random(8, 128);
                Backend gpu = Device.CUDA.backend();
                gpu.batchNorm2dForwardTrain(x.cuda(), gamma.cuda(), beta.cuda(), y.cuda(), saveMean.cuda(),
                        saveInvStd.cuda(), runningMean.cuda(), runningVar.cuda(), 1e-5f, 0.1f);
                gpu.batchNorm2dBackward(x.cuda(), dy.cuda(), gamma.cuda(), saveMean.cuda(), saveInvStd.cuda(),
                        dx.cuda(), gammaGrad.cuda(), betaGrad.cuda());
                runs[run] = concat(y.cuda().toArray(), saveMean.cuda().toArray(), saveInvStd.cuda().toArray(),
                        runningMean.cuda().toArray(), runningVar.cuda().toArray(), dx.cuda().toArray(),
                        gammaGrad.cuda().toArray(), betaGrad.cuda().toArray());
            }
            assertBitIdentical(runs[0], runs[1], "two runs of CUDA batch norm (forward train + backward)");
        }
    }

    @Test
    void theAllocatorReachesASteadyState() {
        Backend gpu = Device.CUDA.backend();
        cycle(3);
        gpu.synchronize();
        long before = CudaDevice.memoryInfo()[0];
        cycle(100);
        gpu.synchronize();
        long after = CudaDevice.memoryInfo()[0];
        assertTrue(Math.abs(after - before) <= STEADY_STATE_SLACK, "free device memory moved from " + before + " to "
                + after + " bytes over 100 alloc/free cycles of the same sizes (allowed " + STEADY_STATE_SLACK
                + "): the caching allocator does not reuse its blocks");
    }

    /** Allocates every ALLOC_FLOATS size (touching each block with a fill), then frees them, times times. */
    private static void cycle(int times) {
        for (int i = 0; i < times; i++) {
            List<Tensor> live = new ArrayList<>();
            for (int floats : ALLOC_FLOATS) {
                Tensor tensor = Tensor.empty(Device.CUDA, floats);
                Device.CUDA.backend().fill(tensor, 1f);
                live.add(tensor);
            }
            live.forEach(Tensor::close);
        }
    }

    private static float[] concat(float[]... parts) {
        int length = 0;
        for (float[] part : parts) {
            length += part.length;
        }
        float[] out = new float[length];
        int at = 0;
        for (float[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    @Test
    void twinsAgreeOnAFreshRandomFill() {
        // The TwinTensors scope itself: the same data reaches both devices, outputs start as NaN.
        try (TwinTensors t = new TwinTensors()) {
            Twin x = t.random(9, 3, 5, 7);
            CudaParity.assertBitIdentical(x, "random twin");
            Twin y = t.poisoned(3, 5, 7);
            both(d -> d.backend().copy(y.on(d), x.on(d)));
            CudaParity.assertBitIdentical(y, "copy of a random twin");
        }
    }
}
