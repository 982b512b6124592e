// CUDA twins against CPU twins for the ops that touch each element (or a small window) once:
// fill/copy/axpy/add/scale, relu and tanh forward and backward, upsample (nearest, bilinear, x2, x4,
// any size), 2x2 average pooling, sum over H,W, the hinge-loss pieces, Adam and EMA. Lengths that
// are odd and past one grid stride, plus the AutoGAN activation shapes. Per-element tolerance
// (CudaParity.FP32_REL + ELEMENT_ABS); reductions (sum_hw, hinge forward) by their length.
package org.autogan4j.kernels;

import static org.autogan4j.testing.CudaParity.assertElementsClose;
import static org.autogan4j.testing.CudaParity.assertNormClose;
import static org.autogan4j.testing.CudaParity.reduction;
import static org.autogan4j.testing.TwinTensors.both;

import org.autogan4j.tensor.HingeKind;
import org.autogan4j.tensor.UpsampleMode;
import org.autogan4j.testing.CudaParity;
import org.autogan4j.testing.TwinTensors;
import org.autogan4j.testing.TwinTensors.Twin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("cuda")
class CudaElementwiseParityTest {
    /** 1 and 3 (less than a vector), odd and past one grid stride, an AutoGAN activation. */
    private static final int[] LENGTHS = {1, 3, 1_000_003, 64 * 128 * 16 * 16};
    /** (n, c, h, w) inputs of the spatial ops: small odd ones and AutoGAN activations. */
    private static final int[][] SPATIAL = {{3, 5, 7, 9}, {1, 1, 1, 1}, {64, 256, 8, 8}, {128, 128, 16, 16},
        {64, 64, 32, 32}};

    @BeforeEach
    void requireCuda() {
        CudaParity.requireCuda();
    }

    @Test
    void blasOneOpsMatch() {
        for (int n : LENGTHS) {
            try (TwinTensors t = new TwinTensors()) {
                Twin x = t.random(1, n);
                Twin a = t.random(2, n);
                Twin y = t.poisoned(n);
                both(d -> d.backend().fill(y.on(d), 0.375f));
                assertElementsClose(y, "fill n=" + n);
                both(d -> d.backend().copy(y.on(d), x.on(d)));
                assertElementsClose(y, "copy n=" + n);
                both(d -> d.backend().axpy(y.on(d), a.on(d), -1.5f));
                assertElementsClose(y, "axpy n=" + n);
                both(d -> d.backend().scale(y.on(d), 0.7f));
                assertElementsClose(y, "scale n=" + n);
                Twin sum = t.poisoned(n);
                both(d -> d.backend().add(sum.on(d), x.on(d), a.on(d)));
                assertElementsClose(sum, "add n=" + n);
                both(d -> d.backend().add(sum.on(d), sum.on(d), x.on(d)));
                assertElementsClose(sum, "add in place (y = y + x) n=" + n);
            }
        }
    }

    @Test
    void activationsMatch() {
        for (int n : LENGTHS) {
            try (TwinTensors t = new TwinTensors()) {
                Twin x = t.normal(3, 0f, 2f, n);
                Twin dy = t.random(4, n);
                Twin y = t.poisoned(n);
                Twin dx = t.poisoned(n);
                both(d -> d.backend().reluForward(x.on(d), y.on(d)));
                assertElementsClose(y, "reluForward n=" + n);
                both(d -> d.backend().reluBackward(dy.on(d), y.on(d), dx.on(d)));
                assertElementsClose(dx, "reluBackward n=" + n);
                both(d -> d.backend().tanhForward(x.on(d), y.on(d)));
                assertElementsClose(y, "tanhForward n=" + n);
                both(d -> d.backend().tanhBackward(dy.on(d), y.on(d), dx.on(d)));
                assertElementsClose(dx, "tanhBackward n=" + n);
                both(d -> d.backend().reluForward(x.on(d), x.on(d)));
                assertElementsClose(x, "reluForward in place n=" + n);
            }
        }
    }

    @Test
    void upsampleMatches() {
        for (int[] s : SPATIAL) {
            int[][] outSizes = {{2 * s[2], 2 * s[3]}, {4 * s[2], 4 * s[3]}, {2 * s[2] + 3, 3 * s[3] + 1}};
            for (UpsampleMode mode : UpsampleMode.values()) {
                for (int[] out : outSizes) {
                    if ((long) s[0] * s[1] * out[0] * out[1] > 64L * 64 * 64 * 64) {
                        continue; // x4 of the largest activation: 64M floats, beyond what AutoGAN makes
                    }
                    checkUpsample(s, out, mode);
                }
            }
        }
    }

    private static void checkUpsample(int[] s, int[] out, UpsampleMode mode) {
        String what = mode + " " + s[0] + "x" + s[1] + "x" + s[2] + "x" + s[3] + " -> " + out[0] + "x" + out[1];
        try (TwinTensors t = new TwinTensors()) {
            Twin x = t.random(5, s);
            Twin y = t.poisoned(s[0], s[1], out[0], out[1]);
            both(d -> d.backend().upsampleForward(x.on(d), y.on(d), mode));
            assertElementsClose(y, "upsampleForward " + what);
            Twin dy = t.random(6, s[0], s[1], out[0], out[1]);
            Twin dx = t.poisoned(s);
            both(d -> d.backend().upsampleBackward(dy.on(d), dx.on(d), mode));
            assertElementsClose(dx, "upsampleBackward " + what);
        }
    }

    @Test
    void poolingAndSumHwMatch() {
        for (int[] s : SPATIAL) {
            String what = s[0] + "x" + s[1] + "x" + s[2] + "x" + s[3];
            try (TwinTensors t = new TwinTensors()) {
                Twin x = t.random(7, s);
                Twin sums = t.poisoned(s[0], s[1]);
                both(d -> d.backend().sumHwForward(x.on(d), sums.on(d)));
                assertNormClose(sums, reduction((long) s[2] * s[3]), "sumHwForward " + what);
                Twin dy = t.random(8, s[0], s[1]);
                Twin dx = t.poisoned(s);
                both(d -> d.backend().sumHwBackward(dy.on(d), dx.on(d)));
                assertElementsClose(dx, "sumHwBackward " + what);
                int[] even = {s[0], s[1], s[2] + s[2] % 2, s[3] + s[3] % 2};
                Twin xe = t.random(9, even);
                Twin pooled = t.poisoned(even[0], even[1], even[2] / 2, even[3] / 2);
                both(d -> d.backend().avgPool2dForward(xe.on(d), pooled.on(d)));
                assertElementsClose(pooled, "avgPool2dForward " + what);
                Twin dPooled = t.random(10, even[0], even[1], even[2] / 2, even[3] / 2);
                Twin dxe = t.poisoned(even);
                both(d -> d.backend().avgPool2dBackward(dPooled.on(d), dxe.on(d)));
                assertElementsClose(dxe, "avgPool2dBackward " + what);
            }
        }
    }

    @Test
    void hingeLossMatches() {
        for (int n : new int[] {1, 7, 128, 1_000_003}) {
            for (HingeKind kind : HingeKind.values()) {
                try (TwinTensors t = new TwinTensors()) {
                    Twin x = t.uniform(11, -2.5f, 2.5f, n);
                    Twin loss = t.poisoned(1);
                    both(d -> d.backend().hingeLossForward(x.on(d), loss.on(d), kind));
                    assertNormClose(loss, reduction(n), "hingeLossForward " + kind + " n=" + n);
                    Twin dx = t.poisoned(n);
                    both(d -> d.backend().hingeLossBackward(x.on(d), dx.on(d), kind));
                    assertElementsClose(dx, "hingeLossBackward " + kind + " n=" + n);
                }
            }
        }
    }

    @Test
    void adamMatchesOverSeveralSteps() {
        // AutoGAN's betas (0, 0.9) and PyTorch's defaults (0.9, 0.999); three steps so that m and v
        // carry state from step to step and the bias corrections change.
        float[][] betas = {{0f, 0.9f}, {0.9f, 0.999f}};
        for (int n : LENGTHS) {
            for (float[] b : betas) {
                try (TwinTensors t = new TwinTensors()) {
                    Twin param = t.random(12, n);
                    Twin m = t.normal(13, 0f, 0.01f, n);
                    Twin v = t.uniform(14, 0f, 1e-4f, n);
                    for (int step = 1; step <= 3; step++) {
                        Twin grad = t.normal(15 + step, 0f, 0.1f, n);
                        int s = step;
                        both(d -> d.backend().adamStep(param.on(d), grad.on(d), m.on(d), v.on(d), 2e-4f, b[0], b[1],
                                1e-8f, s));
                    }
                    String what = "adamStep x3 betas " + b[0] + "," + b[1] + " n=" + n;
                    assertElementsClose(param, what + " param");
                    assertElementsClose(m, what + " m");
                    assertElementsClose(v, what + " v");
                }
            }
        }
    }

    @Test
    void emaMatches() {
        for (int n : LENGTHS) {
            try (TwinTensors t = new TwinTensors()) {
                Twin avg = t.random(20, n);
                Twin x = t.random(21, n);
                both(d -> d.backend().emaUpdate(avg.on(d), x.on(d), 0.999f));
                both(d -> d.backend().emaUpdate(avg.on(d), x.on(d), 0.5f));
                assertElementsClose(avg, "emaUpdate (0.999 then 0.5) n=" + n);
            }
        }
    }
}
