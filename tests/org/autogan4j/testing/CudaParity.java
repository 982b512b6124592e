// What the CUDA parity tests share: the skip-or-fail rule for a machine without a GPU, the named
// tolerances of a CUDA twin against its CPU twin (and why each is what it is), the comparisons of a
// Twin's two copies, and the TF32 / strict-FP32 switch of CudaDevice.
package org.autogan4j.testing;

import static org.junit.jupiter.api.Assertions.fail;


import org.autogan4j.tensor.CudaDevice;
import org.autogan4j.tensor.Device;
import org.junit.jupiter.api.Assumptions;

public final class CudaParity {
    /**
     * conv2d / conv_transpose2d / GEMM / linear on tensor cores in TF32 against the FP32 CPU twin,
     * as ||cuda - cpu|| / ||cpu||. TF32 keeps a 10-bit mantissa: each input is rounded with a
     * relative error up to 2^-11 (4.9e-4), so each product is off by up to ~1e-3 with random sign;
     * over a reduction of K terms (K up to 2304 = 256 channels x 3x3 here) the norm-wise error of
     * random data stays near 1e-3 whatever K is (the errors add like the terms themselves), and
     * FP32 accumulation adds only ~sqrt(K) 2^-24. 5e-3 leaves a 5x margin and still catches a
     * wrong index or a skipped tile, which cost O(1).
     */
    public static final double TF32_REL = 5e-3;
    /**
     * Elementwise ops, norms, reductions and strict-FP32 GEMMs, norm-wise or per element: the two
     * twins round differently (fused multiply-adds, CUDA's tanhf/expf within 2 ulp, another
     * summation order), a few ulp of 2^-24 each.
     */
    public static final double FP32_REL = 1e-5;
    /**
     * A sum of L random terms in another order differs by about sqrt(L) roundings of 2^-24 each,
     * relative to a result of size sqrt(L) times a term; 4x that is the allowance past FP32_REL
     * (it exceeds FP32_REL only for L over ~26000: batch-norm statistics, weight gradients).
     */
    private static final double ROUNDINGS_PER_SQRT_TERM = 4 * 0x1p-24;
    /**
     * The CPU twin's 3x3 stride-1 pad-1 convolutions from 32 channels run as Winograd F(4x4, 3x3)
     * (native/cpu/winograd.h), whose own error against exact arithmetic native/tests/winograd_test.cpp
     * bounds at 1e-5 norm-wise (measured 1-3e-6, ~10x the direct sum's): a strict-FP32 comparison
     * of such a conv allows that on top of the two summation orders' difference.
     */
    public static final double WINOGRAD_REL = 1e-5;
    /**
     * Per element: an absolute floor for values that cancel to near zero. The widest per-element
     * sum here (bilinear x4 backward: ~64 terms of size ~1) carries ~sqrt(64) 2^-24 ~ 1e-6 of
     * rounding in either order; 1e-5 leaves a margin and stays far below a wrong element's O(1).
     */
    public static final double ELEMENT_ABS = 1e-5;

    private CudaParity() {
    }

    /** Skips the test (counted, with the reason) where CUDA is unavailable; fails instead when
     *  -Dag.cuda.required=true. Call it from @BeforeEach. */
    public static void requireCuda() {
        String reason = CudaDevice.unavailableReason();
        if (reason != null && "true".equals(System.getProperty("ag.cuda.required"))) {
            fail("-Dag.cuda.required=true but CUDA is unavailable: " + reason);
        }
        Assumptions.assumeTrue(reason == null, reason);
    }

    /** The tolerance of a result reduced over length terms in FP32 (strict, not TF32). */
    public static double reduction(long length) {
        return Math.max(FP32_REL, ROUNDINGS_PER_SQRT_TERM * Math.sqrt(length));
    }

    /** ||cuda - cpu|| / ||cpu|| (in double; NaN if either copy holds a NaN). */
    public static double relativeError(float[] cpu, float[] cuda) {
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < cpu.length; i++) {
            double d = (double) cuda[i] - cpu[i];
            diff += d * d;
            norm += (double) cpu[i] * cpu[i];
        }
        return Math.sqrt(diff) / Math.max(Math.sqrt(norm), Double.MIN_NORMAL);
    }

    /** Fails unless every element of the CUDA copy was written and the copies agree norm-wise. */
    public static void assertNormClose(TwinTensors.Twin t, double relTol, String what) {
        float[] cpu = t.cpu().toArray();
        float[] cuda = t.cuda().toArray();
        Tensors.assertAllFinite(cpu, what + " (CPU twin)");
        Tensors.assertAllFinite(cuda, what + " (CUDA)");
        double error = relativeError(cpu, cuda);
        if (!(error <= relTol)) {
            int worst = 0;
            for (int i = 1; i < cpu.length; i++) {
                if (Math.abs(cuda[i] - cpu[i]) > Math.abs(cuda[worst] - cpu[worst])) {
                    worst = i;
                }
            }
            fail(what + ": ||cuda - cpu|| / ||cpu|| = " + error + " > " + relTol + " over " + cpu.length
                    + " elements; worst [" + worst + "] cpu " + cpu[worst] + " cuda " + cuda[worst]);
        }
    }

    /** Fails unless each element agrees within FP32_REL relative plus ELEMENT_ABS. */
    public static void assertElementsClose(TwinTensors.Twin t, String what) {
        Tensors.assertClose(t.cpu().toArray(), t.cuda().toArray(), FP32_REL, ELEMENT_ABS, what + " (cuda vs cpu)");
    }

    /** Fails unless the two copies hold the same bits. */
    public static void assertBitIdentical(TwinTensors.Twin t, String what) {
        Tensors.assertBitIdentical(t.cpu().toArray(), t.cuda().toArray(), what + " (cuda vs cpu)");
    }

    /**
     * Switches CUDA's conv/GEMM between TF32 tensor cores (true, the default) and strict FP32
     * (false).
     */
    public static void setTf32(boolean enabled) {
        CudaDevice.setTf32(enabled);
    }
}
