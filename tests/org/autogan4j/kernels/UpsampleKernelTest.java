// Tests of the upsample CPU twin (nearest and bilinear with align_corners = False, any output
// size): gradient check of dx, the PyTorch fixtures (x2, x4, an odd size) and dx being overwritten.
package org.autogan4j.kernels;

import static org.autogan4j.testing.Tensors.assertBitIdentical;
import static org.autogan4j.testing.Tensors.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.autogan4j.tensor.Backend;
import org.autogan4j.tensor.Device;

import org.autogan4j.tensor.Tensor;
import org.autogan4j.tensor.UpsampleMode;
import org.autogan4j.testing.Fixture;
import org.autogan4j.testing.GradientCheck;
import org.autogan4j.testing.Tensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UpsampleKernelTest {
    /** fp32 blends of at most four values (forward) or sums of up to 16 (backward): ~1e-7 apart. */
    private static final double FIXTURE_REL = 1e-5;
    /** Floor for elements near 0, where a sum's cancellation makes relative error meaningless. */
    private static final double FIXTURE_ABS = 1e-6;
    private static final Backend CPU = Device.CPU.backend();

    private static float[] forward(int[] xd, int outH, int outW, UpsampleMode mode, float[] x) {
        try (Tensors t = new Tensors()) {
            Tensor y = t.poisoned(xd[0], xd[1], outH, outW);
            CPU.upsampleForward(t.of(x, xd), y, mode);
            return y.toArray();
        }
    }

    private static float[] backward(int[] xd, int outH, int outW, UpsampleMode mode, float[] dy) {
        try (Tensors t = new Tensors()) {
            Tensor dx = t.poisoned(xd);
            CPU.upsampleBackward(t.of(dy, xd[0], xd[1], outH, outW), dx, mode);
            return dx.toArray();
        }
    }

    @ParameterizedTest
    @CsvSource({"NEAREST,2,2,3,5,7,11", "BILINEAR,2,2,3,5,7,11", "NEAREST,1,2,4,3,8,6", "BILINEAR,1,2,4,3,8,6",
            "BILINEAR,1,3,3,3,12,12", "BILINEAR,1,2,5,7,3,4", "NEAREST,1,2,5,7,3,4", "BILINEAR,2,1,1,1,3,2"})
    void gradientMatchesCentralDifferences(UpsampleMode mode, int n, int c, int h, int w, int outH, int outW) {
        int[] xd = {n, c, h, w};
        new GradientCheck("upsample " + mode + " " + h + "x" + w + " -> " + outH + "x" + outW)
                .input("x", Tensors.randn(91, Tensors.numel(xd)))
                .run(in -> forward(xd, outH, outW, mode, in[0]),
                        (in, dy) -> new float[][] {backward(xd, outH, outW, mode, dy)});
    }

    @ParameterizedTest
    @CsvSource({"upsample_nearest_x2,NEAREST", "upsample_bilinear_x2,BILINEAR", "upsample_nearest_x4,NEAREST",
            "upsample_bilinear_x4,BILINEAR", "upsample_nearest_size,NEAREST", "upsample_bilinear_size,BILINEAR"})
    void matchesPyTorch(String name, UpsampleMode mode) {
        Fixture f = Fixture.load(name);
        assertEquals(mode.ordinal(), f.integer("mode"), name + ": the fixture's mode code");
        int[] xd = f.dims("x");
        int outH = f.integer("outH");
        int outW = f.integer("outW");
        assertClose(f.values("y"), forward(xd, outH, outW, mode, f.values("x")), FIXTURE_REL, FIXTURE_ABS,
                name + " y");
        assertClose(f.values("dx"), backward(xd, outH, outW, mode, f.values("dy")), FIXTURE_REL, FIXTURE_ABS,
                name + " dx");
    }

    @Test
    void dxIsOverwritten() {
        int[] xd = {2, 3, 5, 4};
        try (Tensors t = new Tensors()) {
            Tensor dy = t.of(Tensors.randn(92, 2 * 3 * 9 * 7), 2, 3, 9, 7);
            Tensor dx = t.poisoned(xd);
            for (UpsampleMode mode : UpsampleMode.values()) {
                Tensors.poison(dx);
                CPU.upsampleBackward(dy, dx, mode);
                float[] once = dx.toArray();
                Tensors.assertAllFinite(once, mode + " dx after one backward");
                CPU.upsampleBackward(dy, dx, mode);
                assertBitIdentical(once, dx.toArray(), mode + " dx (overwritten) after a second backward");
            }
        }
    }
}
