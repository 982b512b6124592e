// Tests of the 2x2 stride-2 average pooling CPU twin: gradient check of dx, the PyTorch fixture
// and dx being overwritten.
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AvgPool2dKernelTest {
    /** A mean of four fp32 values, summed in another order than PyTorch's: ~1e-7 relative apart. */
    private static final double FIXTURE_REL = 1e-5;
    /** Floor for means that cancel to near 0. */
    private static final double FIXTURE_ABS = 1e-6;
    /** dx is dy / 4: a larger dy lifts it above Caffe's floor of 1, so the check is relative. */
    private static final double POOL_DY_SCALE = 8;
    private static final Backend CPU = Device.CPU.backend();

    private static float[] forward(int[] xd, float[] x) {
        try (Tensors t = new Tensors()) {
            Tensor y = t.poisoned(xd[0], xd[1], xd[2] / 2, xd[3] / 2);
            CPU.avgPool2dForward(t.of(x, xd), y);
            return y.toArray();
        }
    }

    private static float[] backward(int[] xd, float[] dy) {
        try (Tensors t = new Tensors()) {
            Tensor dx = t.poisoned(xd);
            CPU.avgPool2dBackward(t.of(dy, xd[0], xd[1], xd[2] / 2, xd[3] / 2), dx);
            return dx.toArray();
        }
    }

    @ParameterizedTest
    @CsvSource({"2,3,4,6", "1,2,2,2", "1,1,6,10", "3,1,8,2"})
    void gradientMatchesCentralDifferences(int n, int c, int h, int w) {
        int[] xd = {n, c, h, w};
        new GradientCheck("avg_pool2d " + n + "x" + c + "x" + h + "x" + w)
                .input("x", Tensors.randn(181, Tensors.numel(xd)))
                .dyScale(POOL_DY_SCALE)
                .run(in -> forward(xd, in[0]), (in, dy) -> new float[][] {backward(xd, dy)});
    }

    @Test
    void matchesPyTorch() {
        Fixture f = Fixture.load("avg_pool2d");
        int[] xd = f.dims("x");
        assertClose(f.values("y"), forward(xd, f.values("x")), FIXTURE_REL, FIXTURE_ABS, "avg_pool2d y");
        assertClose(f.values("dx"), backward(xd, f.values("dy")), FIXTURE_REL, FIXTURE_ABS, "avg_pool2d dx");
    }

    @Test
    void dxIsOverwritten() {
        try (Tensors t = new Tensors()) {
            Tensor dy = t.of(Tensors.randn(182, 2 * 3 * 3 * 5), 2, 3, 3, 5);
            Tensor dx = t.poisoned(2, 3, 6, 10);
            CPU.avgPool2dBackward(dy, dx);
            float[] once = dx.toArray();
            Tensors.assertAllFinite(once, "dx after one backward");
            CPU.avgPool2dBackward(dy, dx);
            assertBitIdentical(once, dx.toArray(), "dx (overwritten) after a second backward");
        }
    }
}
