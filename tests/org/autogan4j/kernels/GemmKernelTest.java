// Tests of the GEMM CPU twin (c = alpha op(a) op(b) + beta c, row-major) against a naive double
// loop: all four transpose combinations at odd sizes and at a size that crosses the cache blocks,
// alpha/beta, beta = 0 ignoring NaN in c, padded leading dimensions, thread-count determinism.
package org.autogan4j.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;

import org.autogan4j.nativeapi.Ag;
import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Backend;

import org.autogan4j.tensor.Tensor;
import org.autogan4j.testing.Determinism;
import org.autogan4j.testing.Tensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GemmKernelTest {
    /** fp32 accumulation of k products in any blocking: error <= ~k*eps*sum|terms| (k*eps = 3e-5
     *  at k = 520), in practice ~sqrt(k)*eps; a wrong index or transpose is off by O(1). */
    private static final double BOUND_PER_SUM_ABS = 1e-5;
    private static final Backend CPU = Device.CPU.backend();

    /** The matrices of one product: a stored (m,k) or (k,m), b stored (k,n) or (n,k), c (m,n). */
    private record Problem(boolean transA, boolean transB, int m, int n, int k, float[] a, float[] b, float[] c) {
        static Problem random(boolean transA, boolean transB, int m, int n, int k, long seed) {
            return new Problem(transA, transB, m, n, k, Tensors.randn(seed, m * k), Tensors.randn(seed + 1, k * n),
                    Tensors.randn(seed + 2, m * n));
        }

        float opA(int i, int p) {
            return transA ? a[p * m + i] : a[i * k + p];
        }

        float opB(int p, int j) {
            return transB ? b[j * k + p] : b[p * n + j];
        }

        int[] aDims() {
            return transA ? new int[] {k, m} : new int[] {m, k};
        }

        int[] bDims() {
            return transB ? new int[] {n, k} : new int[] {k, n};
        }
    }

    /** {reference c, per-element error bound} from a double loop (beta == 0 ignores c). */
    private static double[][] reference(Problem p, float alpha, float beta) {
        double[] c = new double[p.m * p.n];
        double[] bound = new double[p.m * p.n];
        for (int i = 0; i < p.m; i++) {
            for (int j = 0; j < p.n; j++) {
                double sum = 0;
                double sumAbs = 0;
                for (int q = 0; q < p.k; q++) {
                    double term = (double) p.opA(i, q) * p.opB(q, j);
                    sum += term;
                    sumAbs += Math.abs(term);
                }
                double old = beta == 0 ? 0 : (double) beta * p.c[i * p.n + j];
                c[i * p.n + j] = alpha * sum + old;
                bound[i * p.n + j] = BOUND_PER_SUM_ABS * (Math.abs(alpha) * sumAbs + Math.abs(old)) + 1e-30;
            }
        }
        return new double[][] {c, bound};
    }

    private static void assertWithinBound(double[][] expected, float[] actual, String what) {
        assertEquals(expected[0].length, actual.length, what + ": element count");
        for (int i = 0; i < actual.length; i++) {
            double diff = Math.abs(actual[i] - expected[0][i]);
            if (!(diff <= expected[1][i])) {
                fail(what + ": element [" + i + "] is " + actual[i] + " but the double loop gives " + expected[0][i]
                        + " (diff " + diff + ", bound " + expected[1][i] + ")");
            }
        }
    }

    /** c after gemm, c starting from startC. */
    private static float[] run(Problem p, float alpha, float beta, float[] startC) {
        try (Tensors t = new Tensors()) {
            Tensor c = t.of(startC, p.m, p.n);
            CPU.gemm(p.transA, p.transB, alpha, t.of(p.a, p.aDims()), t.of(p.b, p.bDims()), beta, c);
            return c.toArray();
        }
    }

    @ParameterizedTest
    @CsvSource({"false,false,37,53,29", "false,true,37,53,29", "true,false,37,53,29", "true,true,37,53,29",
            "false,false,1,1,1", "true,false,1,17,3", "false,true,5,1,9", "true,true,6,7,1"})
    void matchesTheDoubleLoopWithAlphaAndBeta(boolean transA, boolean transB, int m, int n, int k) {
        Problem p = Problem.random(transA, transB, m, n, k, 100);
        String what = "gemm transA=" + transA + " transB=" + transB + " " + m + "x" + n + "x" + k;
        assertWithinBound(reference(p, 0.7f, -1.3f), run(p, 0.7f, -1.3f, p.c), what + " alpha 0.7 beta -1.3");
        assertWithinBound(reference(p, 1f, 1f), run(p, 1f, 1f, p.c), what + " alpha 1 beta 1");
    }

    @ParameterizedTest
    @CsvSource({"false,false", "false,true", "true,false", "true,true"})
    void betaZeroIgnoresNanInC(boolean transA, boolean transB) {
        Problem p = Problem.random(transA, transB, 37, 53, 29, 200);
        float[] nan = new float[p.m * p.n];
        Arrays.fill(nan, Float.NaN);
        assertWithinBound(reference(p, 1.5f, 0f), run(p, 1.5f, 0f, nan), "gemm beta 0 over NaN, transA=" + transA
                + " transB=" + transB);
    }

    @ParameterizedTest
    @CsvSource({"false,false", "false,true", "true,false", "true,true"})
    void matchesTheDoubleLoopAcrossCacheBlocks(boolean transA, boolean transB) {
        Problem p = Problem.random(transA, transB, 300, 257, 520, 300);
        assertWithinBound(reference(p, 1f, 0.5f), run(p, 1f, 0.5f, p.c), "gemm 300x257x520 transA=" + transA
                + " transB=" + transB);
    }

    @ParameterizedTest
    @CsvSource({"false,false", "false,true", "true,false", "true,true"})
    void honoursLeadingDimensionsAndLeavesPaddingAlone(boolean transA, boolean transB) {
        Problem p = Problem.random(transA, transB, 37, 53, 29, 400);
        int[] ad = p.aDims();
        int[] bd = p.bDims();
        int lda = ad[1] + 3;
        int ldb = bd[1] + 5;
        int ldc = p.n + 2;
        float pad = 12345f;
        float[] a = padded(p.a, ad[0], ad[1], lda, pad);
        float[] b = padded(p.b, bd[0], bd[1], ldb, pad);
        float[] c = padded(p.c, p.m, p.n, ldc, pad);
        try (Tensors t = new Tensors()) {
            Tensor aT = t.of(a, a.length);
            Tensor bT = t.of(b, b.length);
            Tensor cT = t.of(c, c.length);
            int status = Ag.ag_gemm(Ag.AG_DEVICE_CPU, transA ? 1 : 0, transB ? 1 : 0, p.m, p.n, p.k, 0.7f, aT.address(), lda,
                    bT.address(), ldb, -1.3f, cT.address(), ldc);
            assertEquals(0, status, () -> "ag_gemm: " + Ag.ag_last_error());
            float[] out = cT.toArray();
            float[] inner = new float[p.m * p.n];
            for (int i = 0; i < p.m; i++) {
                System.arraycopy(out, i * ldc, inner, i * p.n, p.n);
                for (int j = p.n; j < ldc; j++) {
                    assertEquals(pad, out[i * ldc + j], "padding of c at row " + i + " column " + j + " was written");
                }
            }
            assertWithinBound(reference(p, 0.7f, -1.3f), inner, "gemm with lda " + lda + " ldb " + ldb + " ldc " + ldc
                    + " transA=" + transA + " transB=" + transB);
        }
    }

    /** rows x cols values stored with leading dimension ld, the extra columns holding pad. */
    private static float[] padded(float[] values, int rows, int cols, int ld, float pad) {
        float[] out = new float[rows * ld];
        Arrays.fill(out, pad);
        for (int r = 0; r < rows; r++) {
            System.arraycopy(values, r * cols, out, r * ld, cols);
        }
        return out;
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        Problem plain = Problem.random(false, false, 200, 150, 700, 500);
        Problem transposed = Problem.random(true, true, 200, 150, 700, 600);
        Determinism.assertThreadCountIndependent("gemm 200x150x700", () -> new float[][] {
            run(plain, 1f, 0.5f, plain.c), run(transposed, 1f, 0.5f, transposed.c)});
    }
}
