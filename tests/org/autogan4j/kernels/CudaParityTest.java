// CUDA twins against the CPU twins, for what the CUDA library has at this stage: fill, the Philox
// fills (uniform bit for bit, normal within an ulp-level tolerance), upload/download and copies
// across devices, memory info, and an op without a CUDA twin failing loudly with NO_CUDA. Skipped
// (counted, with the reason) where there is no GPU, unless -Dag.cuda.required=true.
package org.autogan4j.kernels;

import static org.autogan4j.testing.Tensors.assertBitIdentical;
import static org.autogan4j.testing.Tensors.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.autogan4j.tensor.Backend;
import org.autogan4j.tensor.CpuBackend;
import org.autogan4j.tensor.CudaBackend;
import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.NativeException;
import org.autogan4j.tensor.Tensor;
import org.autogan4j.testing.Tensors;
import org.junit.jupiter.api.Assumptions;
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
    private static final Backend CPU = CpuBackend.instance();

    @BeforeEach
    void requireCuda() {
        String reason = CudaBackend.unavailableReason();
        if (reason != null && "true".equals(System.getProperty("ag.cuda.required"))) {
            fail("-Dag.cuda.required=true but CUDA is unavailable: " + reason);
        }
        Assumptions.assumeTrue(reason == null, reason);
    }

    @Test
    void fillMatchesTheCpu() {
        try (Tensors gpu = new Tensors(Device.CUDA); Tensors cpu = new Tensors()) {
            Tensor y = gpu.poisoned(N);
            CudaBackend.instance().fill(y, -1.25f);
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
                CudaBackend.instance().rngUniform(y, seedOffset[0], seedOffset[1], -2f, 3f);
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
                CudaBackend.instance().rngNormal(y, seedOffset[0], seedOffset[1], 0f, 1f);
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
            CudaBackend.instance().copy(copy, again);
            assertBitIdentical(data, copy.toArray(), "CUDA -> CUDA copy");
        }
    }

    @Test
    void memoryInfoIsSane() {
        long[] info = CudaBackend.instance().memoryInfo();
        assertTrue(info[1] >= (1L << 30), "total device memory " + info[1] + " bytes is under 1 GiB");
        assertTrue(info[0] > 0 && info[0] <= info[1], "free " + info[0] + " must lie in (0, total " + info[1] + "]");
        assertTrue(CudaBackend.instance().describe().contains("sm_"), CudaBackend.instance().describe());
    }

    @Test
    void anOpWithoutACudaTwinFailsLoudly() {
        try (Tensors gpu = new Tensors(Device.CUDA)) {
            NativeException e = assertThrows(NativeException.class, () -> CudaBackend.instance().conv2dForward(
                    gpu.zeros(1, 2, 5, 5), gpu.zeros(3, 2, 3, 3), null, gpu.zeros(1, 3, 5, 5), 1));
            assertEquals(NativeException.Status.NO_CUDA, e.status(), e.getMessage());
            assertTrue(e.getMessage().contains("ag_cuda_conv2d_forward"), e.getMessage());
        }
    }
}
