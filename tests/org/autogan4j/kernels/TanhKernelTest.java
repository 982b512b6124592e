// Tests of the tanh CPU twin: gradient check of dx, the PyTorch fixture, in-place use (y aliasing
// x, dx aliasing dy) and dx being overwritten.
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

class TanhKernelTest {
    /** tanhf implementations (libm vs PyTorch's vectorised one) differ by a few ulp. */
    private static final double FIXTURE_REL = 1e-5;
    /** Floor for values near 0, where a few ulp of tanh's rounding are far below 1e-6. */
    private static final double FIXTURE_ABS = 1e-6;
    private static final Backend CPU = Device.CPU.backend();

    private static float[] forward(float[] x) {
        try (Tensors t = new Tensors()) {
            Tensor y = t.poisoned(x.length);
            CPU.tanhForward(t.of(x, x.length), y);
            return y.toArray();
        }
    }

    /** dx from dy and the forward output y. */
    private static float[] backward(float[] y, float[] dy) {
        try (Tensors t = new Tensors()) {
            Tensor dx = t.poisoned(y.length);
            CPU.tanhBackward(t.of(dy, dy.length), t.of(y, y.length), dx);
            return dx.toArray();
        }
    }

    @Test
    void gradientMatchesCentralDifferences() {
        new GradientCheck("tanh 3x5x7")
                .input("x", Tensors.randn(161, 3 * 5 * 7))
                .run(in -> forward(in[0]), (in, dy) -> new float[][] {backward(forward(in[0]), dy)});
    }

    @Test
    void matchesPyTorch() {
        Fixture f = Fixture.load("tanh");
        float[] y = forward(f.values("x"));
        assertClose(f.values("y"), y, FIXTURE_REL, FIXTURE_ABS, "tanh y");
        assertClose(f.values("dx"), backward(f.values("y"), f.values("dy")), FIXTURE_REL, FIXTURE_ABS, "tanh dx");
    }

    @Test
    void worksInPlace() {
        float[] x = Tensors.randn(162, 101);
        float[] dy = Tensors.randn(163, 101);
        float[] y = forward(x);
        float[] dx = backward(y, dy);
        try (Tensors t = new Tensors()) {
            Tensor inPlace = t.of(x, x.length);
            CPU.tanhForward(inPlace, inPlace);
            assertBitIdentical(y, inPlace.toArray(), "tanh forward with y aliasing x");
            Tensor yT = t.of(y, y.length);
            Tensor gradient = t.of(dy, dy.length);
            CPU.tanhBackward(gradient, yT, gradient);
            assertBitIdentical(dx, gradient.toArray(), "tanh backward with dx aliasing dy");
        }
    }

    @Test
    void dxIsOverwritten() {
        try (Tensors t = new Tensors()) {
            Tensor y = t.of(forward(Tensors.randn(164, 77)), 7, 11);
            Tensor dy = t.of(Tensors.randn(165, 77), 7, 11);
            Tensor dx = t.poisoned(7, 11);
            CPU.tanhBackward(dy, y, dx);
            float[] once = dx.toArray();
            Tensors.assertAllFinite(once, "dx after one backward");
            CPU.tanhBackward(dy, y, dx);
            assertBitIdentical(once, dx.toArray(), "dx (overwritten) after a second backward");
        }
    }
}
