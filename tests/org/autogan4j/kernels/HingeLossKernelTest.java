// Tests of the hinge-loss CPU twins (REAL mean(relu(1-x)), FAKE mean(relu(1+x)), GEN -mean(x)):
// gradient check of dx away from the kinks, the PyTorch fixture, relu's derivative 0 at the kink
// (as in PyTorch) and dx being overwritten.
package org.autogan4j.kernels;

import static org.autogan4j.testing.Tensors.assertBitIdentical;
import static org.autogan4j.testing.Tensors.assertClose;

import java.util.Locale;

import org.autogan4j.tensor.Backend;
import org.autogan4j.tensor.Device;

import org.autogan4j.tensor.HingeKind;
import org.autogan4j.tensor.Tensor;
import org.autogan4j.testing.Fixture;
import org.autogan4j.testing.GradientCheck;
import org.autogan4j.testing.Tensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HingeLossKernelTest {
    /** A mean of 16 fp32 values in another order than PyTorch's: ~1e-7 relative apart. */
    private static final double FIXTURE_REL = 1e-5;
    /** Floor for a loss near 0. */
    private static final double FIXTURE_ABS = 1e-6;
    /** dx is +-1/n or 0: one division, exact up to its rounding. */
    private static final double DX_REL = 1e-6;
    /** dx is +-1/n: a large dy lifts dy * dx above Caffe's floor of 1, so the check is relative. */
    private static final double HINGE_DY_SCALE = 50;
    private static final Backend CPU = Device.CPU.backend();

    private static float loss(float[] x, HingeKind kind) {
        try (Tensors t = new Tensors()) {
            Tensor loss = t.poisoned(1);
            CPU.hingeLossForward(t.of(x, x.length), loss, kind);
            return loss.toArray()[0];
        }
    }

    private static float[] backward(float[] x, HingeKind kind) {
        try (Tensors t = new Tensors()) {
            Tensor dx = t.poisoned(x.length);
            CPU.hingeLossBackward(t.of(x, x.length), dx, kind);
            return dx.toArray();
        }
    }

    /** The x at which the kind's relu bends (GEN has none). */
    private static float kinkOf(HingeKind kind) {
        return kind == HingeKind.REAL ? 1f : kind == HingeKind.FAKE ? -1f : Float.NaN;
    }

    @ParameterizedTest
    @EnumSource(HingeKind.class)
    void gradientMatchesCentralDifferencesAwayFromTheKink(HingeKind kind) {
        float kink = kinkOf(kind);
        for (int n : new int[] {13, 1}) {
            new GradientCheck("hinge " + kind + " n=" + n)
                    .input("x", Tensors.uniform(201 + n, n, -3f, 3f))
                    .dyScale(HINGE_DY_SCALE)
                    .skipKinks((input, index, in) -> Math.abs(in[input][index] - kink) < 2 * GradientCheck.STEP)
                    .run(in -> new float[] {loss(in[0], kind)},
                            (in, dy) -> new float[][] {Tensors.times(backward(in[0], kind), dy[0])});
        }
    }

    @Test
    void matchesPyTorch() {
        Fixture f = Fixture.load("hinge_loss");
        float[] x = f.values("x");
        for (HingeKind kind : HingeKind.values()) {
            String suffix = kind.name().charAt(0) + kind.name().substring(1).toLowerCase(Locale.ROOT);
            assertClose(new float[] {f.scalar("loss" + suffix)}, new float[] {loss(x, kind)}, FIXTURE_REL, FIXTURE_ABS,
                    "hinge " + kind + " loss");
            assertClose(f.values("dx" + suffix), backward(x, kind), FIXTURE_REL, FIXTURE_ABS, "hinge " + kind + " dx");
        }
    }

    @Test
    void reluDerivativeIsZeroAtTheKink() {
        float[] x = {1f, -1f, 0.5f, 2f};
        assertClose(new float[] {0f, -0.25f, -0.25f, 0f}, backward(x, HingeKind.REAL), DX_REL, 0, "REAL dx");
        assertClose(new float[] {0.25f, 0f, 0.25f, 0.25f}, backward(x, HingeKind.FAKE), DX_REL, 0, "FAKE dx");
        assertClose(new float[] {-0.25f, -0.25f, -0.25f, -0.25f}, backward(x, HingeKind.GEN), DX_REL, 0, "GEN dx");
        assertClose(new float[] {(0f + 2f + 0.5f + 0f) / 4}, new float[] {loss(x, HingeKind.REAL)}, DX_REL, 0,
                "REAL loss");
    }

    @Test
    void dxIsOverwritten() {
        float[] x = Tensors.uniform(205, 9, -3f, 3f);
        try (Tensors t = new Tensors()) {
            Tensor xT = t.of(x, 9);
            Tensor dx = t.poisoned(9);
            for (HingeKind kind : HingeKind.values()) {
                Tensors.poison(dx);
                CPU.hingeLossBackward(xT, dx, kind);
                float[] once = dx.toArray();
                Tensors.assertAllFinite(once, kind + " dx after one backward");
                CPU.hingeLossBackward(xT, dx, kind);
                assertBitIdentical(once, dx.toArray(), kind + " dx (overwritten) after a second backward");
            }
        }
    }
}
