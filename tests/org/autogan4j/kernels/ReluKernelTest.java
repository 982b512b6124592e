// Tests of the relu CPU twin: gradient check of dx away from the kink at 0, the PyTorch fixture,
// in-place use (y aliasing x, dx aliasing dy) and dx being overwritten.
package org.autogan4j.kernels;

import static org.autogan4j.testing.Tensors.assertBitIdentical;
import static org.autogan4j.testing.Tensors.assertClose;

import org.autogan4j.tensor.Backend;
import org.autogan4j.tensor.Device;

import org.autogan4j.tensor.Tensor;
import org.autogan4j.testing.Fixture;
import org.autogan4j.testing.GradientCheck;
import org.autogan4j.testing.Tensors;
import org.junit.jupiter.api.Test;

class ReluKernelTest {
    /** max(x, 0) and dy * mask are exact in fp32: the twin must agree with PyTorch bit for bit. */
    private static final double EXACT = 0;
    private static final Backend CPU = Device.CPU.backend();

    private static float[] forward(float[] x) {
        try (Tensors t = new Tensors()) {
            Tensor y = t.poisoned(x.length);
            CPU.reluForward(t.of(x, x.length), y);
            return y.toArray();
        }
    }

    /** dx from dy and the forward output y. */
    private static float[] backward(float[] y, float[] dy) {
        try (Tensors t = new Tensors()) {
            Tensor dx = t.poisoned(y.length);
            CPU.reluBackward(t.of(dy, dy.length), t.of(y, y.length), dx);
            return dx.toArray();
        }
    }

    @Test
    void gradientMatchesCentralDifferencesAwayFromTheKink() {
        new GradientCheck("relu 3x5x7")
                .input("x", Tensors.randn(151, 3 * 5 * 7))
                .skipKinks((input, index, in) -> Math.abs(in[input][index]) < 2 * GradientCheck.STEP)
                .run(in -> forward(in[0]), (in, dy) -> new float[][] {backward(forward(in[0]), dy)});
    }

    @Test
    void matchesPyTorch() {
        Fixture f = Fixture.load("relu");
        float[] y = forward(f.values("x"));
        assertClose(f.values("y"), y, EXACT, EXACT, "relu y");
        assertClose(f.values("dx"), backward(y, f.values("dy")), EXACT, EXACT, "relu dx");
    }

    @Test
    void worksInPlace() {
        float[] x = Tensors.randn(152, 101);
        float[] dy = Tensors.randn(153, 101);
        float[] y = forward(x);
        float[] dx = backward(y, dy);
        try (Tensors t = new Tensors()) {
            Tensor inPlace = t.of(x, x.length);
            CPU.reluForward(inPlace, inPlace);
            assertBitIdentical(y, inPlace.toArray(), "relu forward with y aliasing x");
            Tensor yT = t.of(y, y.length);
            Tensor gradient = t.of(dy, dy.length);
            CPU.reluBackward(gradient, yT, gradient);
            assertBitIdentical(dx, gradient.toArray(), "relu backward with dx aliasing dy");
        }
    }

    @Test
    void dxIsOverwritten() {
        try (Tensors t = new Tensors()) {
            Tensor y = t.of(forward(Tensors.randn(154, 77)), 7, 11);
            Tensor dy = t.of(Tensors.randn(155, 77), 7, 11);
            Tensor dx = t.poisoned(7, 11);
            CPU.reluBackward(dy, y, dx);
            float[] once = dx.toArray();
            Tensors.assertAllFinite(once, "dx after one backward");
            CPU.reluBackward(dy, y, dx);
            assertBitIdentical(once, dx.toArray(), "dx (overwritten) after a second backward");
        }
    }
}
