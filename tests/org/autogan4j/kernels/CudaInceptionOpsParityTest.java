// CUDA twins against CPU twins for InceptionV3's inference ops (IS and FID scoring): max pooling and
// windowed average pooling (with and without count_include_pad), the global average pool, the
// channel concat, softmax / log-softmax and the folded batch norm (+ relu). Small odd shapes plus the
// activation sizes of InceptionV3 at batch 8 (147, 71, 35, 17, 8). Max pooling and the concat move
// values without arithmetic, so they must match bit for bit; the rest per element or by length.
package org.autogan4j.kernels;

import static org.autogan4j.testing.CudaParity.assertBitIdentical;
import static org.autogan4j.testing.CudaParity.assertElementsClose;
import static org.autogan4j.testing.CudaParity.assertNormClose;
import static org.autogan4j.testing.CudaParity.reduction;
import static org.autogan4j.testing.TwinTensors.both;

import org.autogan4j.testing.CudaParity;
import org.autogan4j.testing.Tensors;
import org.autogan4j.testing.TwinTensors;
import org.autogan4j.testing.TwinTensors.Twin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("cuda")
class CudaInceptionOpsParityTest {
    /** (n, c, h, w) inputs: small odd ones (one past a 4096-float plane) and InceptionV3 activations. */
    private static final int[][] SPATIAL = {{3, 5, 7, 9}, {2, 3, 73, 73}, {8, 64, 147, 147}, {8, 192, 71, 71},
        {8, 288, 35, 35}, {8, 768, 17, 17}, {8, 1280, 8, 8}};
    /** Softmax probabilities reach ~1e-26 for logits of spread 8: relative agreement down to there. */
    private static final double PROBABILITY_ABS = 1e-30;

    @BeforeEach
    void requireCuda() {
        CudaParity.requireCuda();
    }

    private static String name(int[] s) {
        return s[0] + "x" + s[1] + "x" + s[2] + "x" + s[3];
    }

    @Test
    void maxPoolMatchesBitForBit() {
        int[][] windows = {{3, 2, 0}, {3, 2, 1}, {2, 2, 0}, {3, 1, 1}};
        for (int[] s : SPATIAL) {
            for (int[] k : windows) {
                int p = (s[2] + 2 * k[2] - k[0]) / k[1] + 1;
                int q = (s[3] + 2 * k[2] - k[0]) / k[1] + 1;
                try (TwinTensors t = new TwinTensors()) {
                    Twin x = t.random(31, s);
                    Twin y = t.poisoned(s[0], s[1], p, q);
                    both(d -> d.backend().maxPool2dForward(x.on(d), y.on(d), k[0], k[1], k[2]));
                    assertBitIdentical(y, "maxPool2dForward k" + k[0] + " s" + k[1] + " p" + k[2] + " " + name(s));
                }
            }
        }
    }

    @Test
    void windowedAvgPoolMatches() {
        int[][] windows = {{3, 1, 1}, {3, 2, 1}, {2, 2, 0}, {5, 3, 2}};
        for (int[] s : SPATIAL) {
            for (int[] k : windows) {
                for (boolean include : new boolean[] {true, false}) {
                    int p = (s[2] + 2 * k[2] - k[0]) / k[1] + 1;
                    int q = (s[3] + 2 * k[2] - k[0]) / k[1] + 1;
                    try (TwinTensors t = new TwinTensors()) {
                        Twin x = t.random(32, s);
                        Twin y = t.poisoned(s[0], s[1], p, q);
                        both(d -> d.backend().avgPool2dWindowForward(x.on(d), y.on(d), k[0], k[1], k[2], include));
                        assertElementsClose(y, "avgPool2dWindowForward k" + k[0] + " s" + k[1] + " p" + k[2]
                                + " countIncludePad " + include + " " + name(s));
                    }
                }
            }
        }
    }

    @Test
    void globalAvgPoolMatches() {
        for (int[] s : SPATIAL) {
            try (TwinTensors t = new TwinTensors()) {
                Twin x = t.random(33, s);
                Twin y = t.poisoned(s[0], s[1]);
                both(d -> d.backend().adaptiveAvgPool2dForward(x.on(d), y.on(d)));
                assertNormClose(y, reduction((long) s[2] * s[3]), "adaptiveAvgPool2dForward " + name(s));
            }
        }
    }

    @Test
    void copyChannelsMatchesBitForBit() {
        for (int[] s : SPATIAL) {
            int[] widths = {s[1], 1, s[1] + 2};
            int cy = widths[0] + widths[1] + widths[2];
            try (TwinTensors t = new TwinTensors()) {
                Twin y = t.poisoned(s[0], cy, s[2], s[3]);
                int offset = 0;
                for (int b = 0; b < widths.length; b++) {
                    Twin x = t.random(34 + b, s[0], widths[b], s[2], s[3]);
                    int at = offset;
                    both(d -> d.backend().copyChannels(x.on(d), y.on(d), at));
                    offset += widths[b];
                }
                Tensors.assertAllFinite(y.cuda().toArray(), "copyChannels every channel of y written " + name(s));
                assertBitIdentical(y, "copyChannels " + name(s));
            }
        }
    }

    @Test
    void softmaxMatches() {
        int[][] shapes = {{3, 7}, {13, 1}, {9, 33}, {50, 1008}, {500, 1008}};
        for (int[] s : shapes) {
            for (boolean log : new boolean[] {false, true}) {
                try (TwinTensors t = new TwinTensors()) {
                    Twin x = t.normal(37, 0f, 8f, s);
                    Twin y = t.poisoned(s);
                    both(d -> d.backend().softmaxForward(x.on(d), y.on(d), log));
                    String what = (log ? "log " : "") + "softmaxForward " + s[0] + "x" + s[1];
                    Tensors.assertClose(y.cpu().toArray(), y.cuda().toArray(), CudaParity.FP32_REL,
                            log ? CudaParity.ELEMENT_ABS : PROBABILITY_ABS, what + " (cuda vs cpu)");
                }
            }
        }
    }

    @Test
    void channelAffineMatches() {
        for (int[] s : SPATIAL) {
            for (boolean relu : new boolean[] {false, true}) {
                try (TwinTensors t = new TwinTensors()) {
                    Twin x = t.random(38, s);
                    Twin scale = t.uniform(39, 0.2f, 2f, s[1]);
                    Twin shift = t.random(40, s[1]);
                    Twin y = t.poisoned(s);
                    both(d -> d.backend().channelAffineForward(x.on(d), scale.on(d), shift.on(d), y.on(d), relu));
                    assertElementsClose(y, "channelAffineForward relu " + relu + " " + name(s));
                    both(d -> d.backend().channelAffineForward(x.on(d), scale.on(d), shift.on(d), x.on(d), relu));
                    assertElementsClose(x, "channelAffineForward in place relu " + relu + " " + name(s));
                }
            }
        }
    }
}
