// Tests of the adaptive_avg_pool2d-to-1x1 CPU twin (InceptionV3's global pool before the 2048-d FID
// features): PyTorch fixtures at an odd plane and the Inception 8x8 plane, results independent of
// the thread count, and bad arguments rejected by the Backend and the native twin.
package org.autogan4j.kernels;

import static org.autogan4j.kernels.InceptionOpAsserts.assertNativeRejected;
import static org.autogan4j.kernels.InceptionOpAsserts.assertRejected;
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

class AdaptiveAvgPool2dKernelTest {
    /** A mean of at most 64 fp32 values, ours summed in double: PyTorch's float sum is a few ulp off. */
    private static final double FIXTURE_REL = 1e-6;
    /** Floor for means that cancel to near 0: a few ulp of the summed terms (size ~1). */
    private static final double FIXTURE_ABS = 1e-6;
    private static final Backend CPU = Device.CPU.backend();

    @ParameterizedTest
    @ValueSource(strings = {"adaptive_avg_pool2d_odd", "adaptive_avg_pool2d_8"})
    void matchesPyTorch(String name) {
        Fixture f = Fixture.load("inception/" + name);
        try (Tensors t = new Tensors()) {
            Tensor y = t.poisoned(f.dims("y"));
            CPU.adaptiveAvgPool2dForward(t.of(f.values("x"), f.dims("x")), y);
            assertClose(f.values("y"), y.toArray(), FIXTURE_REL, FIXTURE_ABS, name + " y");
        }
    }

    @Test
    void badArgumentsAreRejected() {
        try (Tensors t = new Tensors()) {
            Tensor x = t.zeros(2, 5, 8, 8);
            assertRejected(() -> CPU.adaptiveAvgPool2dForward(x, t.zeros(2, 5, 1, 1)), "adaptiveAvgPool2dForward",
                    "y has shape [2, 5, 1, 1]", "[2, 5] (n, c)");
            assertRejected(() -> CPU.adaptiveAvgPool2dForward(t.zeros(10, 64), t.zeros(10)), "x", "rank 4");
            assertNativeRejected(() -> Ag.ag_adaptive_avg_pool2d_forward(Ag.AG_DEVICE_CPU, x.address(), x.address(), 2, 5, 0,
                    8), "ag_adaptive_avg_pool2d_forward", "h=0");
            assertNativeRejected(() -> Ag.ag_adaptive_avg_pool2d_forward(Ag.AG_DEVICE_CPU, 0L, x.address(), 2, 5, 8, 8),
                    "x is NULL");
        }
    }
}
