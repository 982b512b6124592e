// CUDA twins against CPU twins for the GEMM (all four transpose combinations, beta 0 over a NaN c and
// beta != 0 over a random c) and for linear (forward with and without bias, backward-data,
// backward-weight += into random gradients), at small odd sizes and at AutoGAN's (the generator's
// z -> 4x4x256 layer, the discriminator's C -> 1 head, 256..2304-deep products). Default TF32 mode
// within CudaParity.TF32_REL; strict FP32 within the tolerance of the reduction length.
package org.autogan4j.kernels;

import static org.autogan4j.testing.CudaParity.assertNormClose;
import static org.autogan4j.testing.CudaParity.reduction;
import static org.autogan4j.testing.TwinTensors.both;
import static org.autogan4j.testing.TwinTensors.on;

import org.autogan4j.testing.CudaParity;
import org.autogan4j.testing.TwinTensors;
import org.autogan4j.testing.TwinTensors.Twin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("cuda")
class CudaGemmParityTest {
    /** GEMM sizes {m, n, k}: below a tile, odd across tiles, AutoGAN-deep. */
    private static final int[][] GEMM = {{1, 1, 1}, {7, 13, 5}, {33, 65, 129}, {256, 1024, 2304}};
    /** linear sizes {n, in, out}: small odd, the generator's first layer, the discriminator's head. */
    private static final int[][] LINEAR = {{5, 7, 3}, {128, 128, 4 * 4 * 256}, {128, 128, 1}, {64, 256, 1}};

    @BeforeEach
    void requireCuda() {
        CudaParity.requireCuda();
    }

    @Test
    void gemmMatchesInTf32() {
        for (int[] s : GEMM) {
            checkGemm(s, false);
        }
    }

    @Test
    void gemmMatchesInStrictFp32() {
        CudaParity.setTf32(false);
        try {
            for (int[] s : GEMM) {
                checkGemm(s, true);
            }
        } finally {
            CudaParity.setTf32(true);
        }
    }

    @Test
    void linearMatchesInTf32() {
        for (int[] s : LINEAR) {
            checkLinear(s, false, true);
        }
        checkLinear(LINEAR[0], false, false);
    }

    @Test
    void linearMatchesInStrictFp32() {
        CudaParity.setTf32(false);
        try {
            for (int[] s : LINEAR) {
                checkLinear(s, true, true);
            }
        } finally {
            CudaParity.setTf32(true);
        }
    }

    private static double tolerance(boolean strict, long length) {
        return strict ? reduction(length) : Math.max(CudaParity.TF32_REL, reduction(length));
    }

    private static void checkGemm(int[] s, boolean strict) {
        int m = s[0], n = s[1], k = s[2];
        for (boolean transA : new boolean[] {false, true}) {
            for (boolean transB : new boolean[] {false, true}) {
                String what = "gemm m " + m + " n " + n + " k " + k + (transA ? " A^T" : "") + (transB ? " B^T" : "")
                        + (strict ? " strict FP32" : " TF32");
                try (TwinTensors t = new TwinTensors()) {
                    // op(a) (m,k), op(b) (k,n) -> c (m,n)
                    Twin a = transA ? t.random(1, k, m) : t.random(1, m, k);
                    Twin b = transB ? t.random(2, n, k) : t.random(2, k, n);
                    Twin c = t.poisoned(m, n);
                    both(d -> d.backend().gemm(transA, transB, 1.5f, a.on(d), b.on(d), 0f, c.on(d)));
                    assertNormClose(c, tolerance(strict, k), what + " beta 0 (c was NaN)");
                    Twin c2 = t.normal(3, 0f, (float) Math.sqrt(k), m, n);
                    both(d -> d.backend().gemm(transA, transB, -0.5f, a.on(d), b.on(d), 0.75f, c2.on(d)));
                    assertNormClose(c2, tolerance(strict, k), what + " beta 0.75");
                }
            }
        }
    }

    private static void checkLinear(int[] s, boolean strict, boolean withBias) {
        int n = s[0], in = s[1], out = s[2];
        String what = "linear n " + n + " in " + in + " out " + out + (strict ? " strict FP32" : " TF32")
                + (withBias ? "" : " no bias");
        try (TwinTensors t = new TwinTensors()) {
            // x (n,in), weight (out,in), bias (out) -> y (n,out)
            Twin x = t.random(4, n, in);
            Twin weight = t.random(5, out, in);
            Twin bias = withBias ? t.random(6, out) : null;
            Twin y = t.poisoned(n, out);
            both(d -> d.backend().linearForward(x.on(d), weight.on(d), on(bias, d), y.on(d)));
            assertNormClose(y, tolerance(strict, in), what + " forward y");

            Twin dy = t.random(7, n, out);
            Twin dx = t.poisoned(n, in);
            both(d -> d.backend().linearBackwardData(dy.on(d), weight.on(d), dx.on(d)));
            assertNormClose(dx, tolerance(strict, out), what + " backwardData dx");

            float scale = (float) Math.sqrt(n);
            Twin weightGrad = t.normal(8, 0f, scale, out, in);
            Twin biasGrad = withBias ? t.normal(9, 0f, scale, out) : null;
            both(d -> d.backend().linearBackwardWeight(x.on(d), dy.on(d), weightGrad.on(d), on(biasGrad, d)));
            assertNormClose(weightGrad, tolerance(strict, n), what + " backwardWeight weightGrad +=");
            if (withBias) {
                assertNormClose(biasGrad, tolerance(strict, n), what + " backwardWeight biasGrad +=");
            }
        }
    }
}
