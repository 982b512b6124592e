// Tests of the channel_affine CPU twin (InceptionV3's eval batch norm, eps 1e-3, folded into scale
// and shift, with BasicConv2d's relu fused): PyTorch's F.batch_norm (+ relu) as the fixture, the
// in-place form (y = x) giving the same bits, and bad arguments rejected by the Backend and the twin.
package org.autogan4j.kernels;

import static org.autogan4j.kernels.InceptionOpAsserts.assertNativeRejected;
import static org.autogan4j.kernels.InceptionOpAsserts.assertRejected;
import static org.autogan4j.testing.Tensors.assertBitIdentical;
import static org.autogan4j.testing.Tensors.assertClose;

import org.autogan4j.nativeapi.Ag;
import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Backend;

import org.autogan4j.tensor.Tensor;
import org.autogan4j.testing.Fixture;
import org.autogan4j.testing.Tensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChannelAffineKernelTest {
    /** Folded x * scale + shift against PyTorch's (x - mean) * invstd * gamma + beta: a few ulp apart. */
    private static final double FIXTURE_REL = 1e-6;
    /** Floor where the two forms cancel to near 0: a few ulp of the terms (size up to ~5). */
    private static final double FIXTURE_ABS = 2e-6;
    private static final Backend CPU = Device.CPU.backend();

    @ParameterizedTest
    @ValueSource(strings = {"channel_affine", "channel_affine_relu"})
    void matchesPyTorchBatchNormEval(String name) {
        Fixture f = Fixture.load("inception/" + name);
        int c = f.dims("x")[1];
        try (Tensors t = new Tensors()) {
            Tensor y = t.poisoned(f.dims("y"));
            CPU.channelAffineForward(t.of(f.values("x"), f.dims("x")), t.of(f.values("scale"), c),
                    t.of(f.values("shift"), c), y, f.integer("relu") != 0);
            assertClose(f.values("y"), y.toArray(), FIXTURE_REL, FIXTURE_ABS, name + " y");
        }
    }

    @Test
    void inPlaceGivesTheSameBits() {
        try (Tensors t = new Tensors()) {
            float[] x = Tensors.randn(431, 2 * 3 * 5 * 7);
            Tensor scale = t.of(Tensors.randn(432, 3), 3);
            Tensor shift = t.of(Tensors.randn(433, 3), 3);
            Tensor y = t.poisoned(2, 3, 5, 7);
            CPU.channelAffineForward(t.of(x, 2, 3, 5, 7), scale, shift, y, true);
            Tensor inPlace = t.of(x, 2, 3, 5, 7);
            CPU.channelAffineForward(inPlace, scale, shift, inPlace, true);
            assertBitIdentical(y.toArray(), inPlace.toArray(), "channel affine in place");
        }
    }

    @Test
    void badArgumentsAreRejected() {
        try (Tensors t = new Tensors()) {
            Tensor x = t.zeros(2, 3, 5, 7);
            Tensor c3 = t.zeros(3);
            assertRejected(() -> CPU.channelAffineForward(x, t.zeros(4), c3, x, false), "channelAffineForward",
                    "scale has shape [4]", "[3] (c)");
            assertRejected(() -> CPU.channelAffineForward(x, c3, c3, t.zeros(2, 3, 5, 6), false),
                    "y has shape [2, 3, 5, 6]");
            assertNativeRejected(() -> Ag.ag_channel_affine_forward(Ag.AG_DEVICE_CPU, x.address(), c3.address(), 0L,
                    x.address(), 2, 3, 5, 7, 0), "ag_channel_affine_forward", "shift is NULL");
            assertNativeRejected(() -> Ag.ag_channel_affine_forward(Ag.AG_DEVICE_CPU, x.address(), c3.address(), c3.address(),
                    x.address(), 2, -3, 5, 7, 0), "c=-3");
        }
    }
}
