// Tests of the instance_norm2d CPU twin (no affine, no running statistics): gradient check of dx,
// the PyTorch fixture (y, dx) and dx being overwritten.
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

class InstanceNorm2dKernelTest {
    /** fp32 statistics over 20 values and the normalised output: ~1e-6 relative from PyTorch's. */
    private static final double FIXTURE_REL = 1e-5;
    /** Floor for near-zero values (dx subtracts two means of similar size). */
    private static final double FIXTURE_ABS = 1e-5;
    /** PyTorch's default, also the fixture's. */
    private static final float EPS = 1e-5f;
    private static final Backend CPU = Device.CPU.backend();

    /** {y, dx} of one forward and the backward of dy. */
    private static float[][] run(int[] xd, float[] x, float[] dy, float eps) {
        int[] stats = {xd[0], xd[1]};
        try (Tensors t = new Tensors()) {
            Tensor xT = t.of(x, xd);
            Tensor y = t.poisoned(xd);
            Tensor saveMean = t.poisoned(stats);
            Tensor saveInvStd = t.poisoned(stats);
            CPU.instanceNorm2dForward(xT, y, saveMean, saveInvStd, eps);
            Tensor dx = t.poisoned(xd);
            CPU.instanceNorm2dBackward(xT, t.of(dy, xd), saveMean, saveInvStd, dx);
            return new float[][] {y.toArray(), dx.toArray()};
        }
    }

    private static float[] forward(int[] xd, float[] x) {
        try (Tensors t = new Tensors()) {
            Tensor y = t.poisoned(xd);
            CPU.instanceNorm2dForward(t.of(x, xd), y, t.poisoned(xd[0], xd[1]), t.poisoned(xd[0], xd[1]), EPS);
            return y.toArray();
        }
    }

    @ParameterizedTest
    @CsvSource({"2,3,4,5", "1,2,3,3", "3,1,1,2", "1,1,7,5"})
    void gradientMatchesCentralDifferences(int n, int c, int h, int w) {
        int[] xd = {n, c, h, w};
        new GradientCheck("instance_norm2d " + n + "x" + c + "x" + h + "x" + w)
                .input("x", Tensors.randn(131, Tensors.numel(xd)))
                .run(in -> forward(xd, in[0]), (in, dy) -> new float[][] {run(xd, in[0], dy, EPS)[1]});
    }

    @Test
    void matchesPyTorch() {
        Fixture f = Fixture.load("instance_norm2d");
        float[][] r = run(f.dims("x"), f.values("x"), f.values("dy"), f.scalar("eps"));
        assertClose(f.values("y"), r[0], FIXTURE_REL, FIXTURE_ABS, "instance_norm2d y");
        assertClose(f.values("dx"), r[1], FIXTURE_REL, FIXTURE_ABS, "instance_norm2d dx");
    }

    @Test
    void dxIsOverwritten() {
        int[] xd = {2, 3, 4, 3};
        try (Tensors t = new Tensors()) {
            Tensor x = t.of(Tensors.randn(141, Tensors.numel(xd)), xd);
            Tensor saveMean = t.poisoned(2, 3);
            Tensor saveInvStd = t.poisoned(2, 3);
            CPU.instanceNorm2dForward(x, t.poisoned(xd), saveMean, saveInvStd, EPS);
            Tensor dy = t.of(Tensors.randn(142, Tensors.numel(xd)), xd);
            Tensor dx = t.poisoned(xd);
            CPU.instanceNorm2dBackward(x, dy, saveMean, saveInvStd, dx);
            float[] once = dx.toArray();
            Tensors.assertAllFinite(once, "dx after one backward");
            CPU.instanceNorm2dBackward(x, dy, saveMean, saveInvStd, dx);
            assertBitIdentical(once, dx.toArray(), "dx (overwritten) after a second backward");
        }
    }
}
