// Tests of the max_pool2d CPU twin (InceptionV3's 3x3 stride-2 reductions): PyTorch fixtures at odd
// shapes and the Inception sizes (with and without padding), NaN winning its window as in PyTorch,
// and bad arguments rejected by the Backend and by the native twin itself.
package org.autogan4j.kernels;

import static org.autogan4j.kernels.InceptionOpAsserts.assertNativeRejected;
import static org.autogan4j.kernels.InceptionOpAsserts.assertRejected;
import static org.autogan4j.testing.Tensors.assertBitIdentical;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.autogan4j.nativeapi.Ag;
import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Backend;

import org.autogan4j.tensor.Tensor;
import org.autogan4j.testing.Fixture;
import org.autogan4j.testing.Tensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MaxPool2dKernelTest {
    private static final Backend CPU = Device.CPU.backend();

    @ParameterizedTest
    @ValueSource(strings = {"max_pool2d_k3s2_odd", "max_pool2d_k3s2_35", "max_pool2d_k3s2_17", "max_pool2d_k3s2p1"})
    void matchesPyTorch(String name) {
        Fixture f = Fixture.load("inception/" + name);
        int[] yd = f.dims("y");
        try (Tensors t = new Tensors()) {
            Tensor y = t.poisoned(yd);
            CPU.maxPool2dForward(t.of(f.values("x"), f.dims("x")), y, f.integer("kernel"), f.integer("stride"),
                    f.integer("pad"));
            // a maximum is one of the inputs: no rounding anywhere, so the bits must match
            assertBitIdentical(f.values("y"), y.toArray(), name + " y");
        }
    }

    @Test
    void nanWinsItsWindow() {
        try (Tensors t = new Tensors()) {
            float[] x = Tensors.randn(401, 5 * 5);
            x[2 * 5 + 2] = Float.NaN;
            Tensor y = t.poisoned(1, 1, 2, 2);
            CPU.maxPool2dForward(t.of(x, 1, 1, 5, 5), y, 3, 2, 0);
            float[] out = y.toArray();
            for (float v : out) {
                assertTrue(Float.isNaN(v), "every 3x3 window of the 5x5 input holds its centre's NaN");
            }
            x[2 * 5 + 2] = 0f;
            CPU.maxPool2dForward(t.of(x, 1, 1, 5, 5), y, 3, 2, 0);
            Tensors.assertAllFinite(y.toArray(), "max pool without NaN");
        }
    }

    @Test
    void badArgumentsAreRejected() {
        try (Tensors t = new Tensors()) {
            Tensor x = t.zeros(2, 3, 9, 9);
            assertRejected(() -> CPU.maxPool2dForward(x, t.zeros(2, 3, 3, 3), 3, 2, 0), "maxPool2dForward",
                    "y has shape [2, 3, 3, 3]", "[2, 3, 4, 4]");
            assertRejected(() -> CPU.maxPool2dForward(x, t.zeros(2, 3, 4, 4), 3, 2, 2), "pad = 2");
            assertRejected(() -> CPU.maxPool2dForward(x, t.zeros(2, 3, 4, 4), 3, 0, 0), "stride = 0");
            assertRejected(() -> CPU.maxPool2dForward(t.zeros(1, 1, 2, 2), t.zeros(1, 1, 1, 1), 3, 1, 0),
                    "smaller than the kernel");
            assertRejected(() -> CPU.maxPool2dForward(t.zeros(3, 9, 9), t.zeros(3, 4, 4), 3, 2, 0), "x", "rank 4");
            assertNativeRejected(() -> Ag.ag_max_pool2d_forward(Ag.AG_DEVICE_CPU, x.address(), x.address(), 2, 3, 9, 9, 3, 2,
                    2), "ag_max_pool2d_forward", "pad = 2");
            assertNativeRejected(() -> Ag.ag_max_pool2d_forward(Ag.AG_DEVICE_CPU, 0L, x.address(), 2, 3, 9, 9, 3, 2, 0),
                    "ag_max_pool2d_forward", "x is NULL");
            assertEquals(0, Ag.ag_max_pool2d_forward(Ag.AG_DEVICE_CPU, x.address(), t.zeros(2, 3, 4, 4).address(), 2, 3, 9, 9,
                    3, 2, 0), "the same call with good arguments succeeds");
        }
    }
}
