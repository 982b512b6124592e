// Tests of the sum-over-H-and-W CPU twin (the discriminator head): gradient check of dx, the
// PyTorch fixture and dx (a broadcast of dy) being overwritten.
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

class SumHwKernelTest {
    /** A sum of 20 fp32 values in another order than PyTorch's: ~1e-6 relative apart. */
    private static final double FIXTURE_REL = 1e-5;
    /** Floor for sums that cancel to near 0. */
    private static final double FIXTURE_ABS = 1e-5;
    private static final Backend CPU = Device.CPU.backend();

    private static float[] forward(int[] xd, float[] x) {
        try (Tensors t = new Tensors()) {
            Tensor y = t.poisoned(xd[0], xd[1]);
            CPU.sumHwForward(t.of(x, xd), y);
            return y.toArray();
        }
    }

    private static float[] backward(int[] xd, float[] dy) {
        try (Tensors t = new Tensors()) {
            Tensor dx = t.poisoned(xd);
            CPU.sumHwBackward(t.of(dy, xd[0], xd[1]), dx);
            return dx.toArray();
        }
    }

    @ParameterizedTest
    @CsvSource({"2,3,4,5", "1,1,1,1", "3,2,7,3", "1,4,1,9"})
    void gradientMatchesCentralDifferences(int n, int c, int h, int w) {
        int[] xd = {n, c, h, w};
        new GradientCheck("sum_hw " + n + "x" + c + "x" + h + "x" + w)
                .input("x", Tensors.randn(191, Tensors.numel(xd)))
                .run(in -> forward(xd, in[0]), (in, dy) -> new float[][] {backward(xd, dy)});
    }

    @Test
    void matchesPyTorch() {
        Fixture f = Fixture.load("sum_hw");
        int[] xd = f.dims("x");
        assertClose(f.values("y"), forward(xd, f.values("x")), FIXTURE_REL, FIXTURE_ABS, "sum_hw y");
        assertClose(f.values("dx"), backward(xd, f.values("dy")), FIXTURE_REL, FIXTURE_ABS, "sum_hw dx");
    }

    @Test
    void dxIsOverwritten() {
        try (Tensors t = new Tensors()) {
            Tensor dy = t.of(Tensors.randn(192, 6), 2, 3);
            Tensor dx = t.poisoned(2, 3, 5, 4);
            CPU.sumHwBackward(dy, dx);
            float[] once = dx.toArray();
            Tensors.assertAllFinite(once, "dx after one backward");
            CPU.sumHwBackward(dy, dx);
            assertBitIdentical(once, dx.toArray(), "dx (overwritten) after a second backward");
        }
    }
}
