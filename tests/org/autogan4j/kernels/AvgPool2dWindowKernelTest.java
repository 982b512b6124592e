// Tests of the windowed avg_pool2d CPU twin (InceptionV3's 3x3 stride-1 pad-1 branch pools, with
// count_include_pad True in the standard blocks and False in pytorch-fid's FIDInceptionA/C/E):
// PyTorch fixtures at odd shapes, the Inception sizes, stride 2 and floor mode; the two divisors
// differing at the border; bad arguments rejected by the Backend and the native twin.
package org.autogan4j.kernels;

import static org.autogan4j.kernels.InceptionOpAsserts.assertNativeRejected;
import static org.autogan4j.kernels.InceptionOpAsserts.assertRejected;
import static org.autogan4j.testing.Tensors.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.autogan4j.nativeapi.Ag;
import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Backend;

import org.autogan4j.tensor.Tensor;
import org.autogan4j.testing.Fixture;
import org.autogan4j.testing.Tensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AvgPool2dWindowKernelTest {
    /** A mean of at most 9 fp32 values, perhaps summed in another order than PyTorch's: a few ulp. */
    private static final double FIXTURE_REL = 1e-6;
    /** Floor for means that cancel to near 0: a few ulp of the summed terms (size ~1). */
    private static final double FIXTURE_ABS = 1e-6;
    private static final Backend CPU = Device.CPU.backend();

    @ParameterizedTest
    @ValueSource(strings = {"avg_pool2d_k3s1p1_include", "avg_pool2d_k3s1p1_exclude", "avg_pool2d_k3s1p1_exclude_8",
        "avg_pool2d_k3s1p1_include_17", "avg_pool2d_k3s2p1_include", "avg_pool2d_k3s2p1_exclude",
        "avg_pool2d_k2s2_floor"})
    void matchesPyTorch(String name) {
        Fixture f = Fixture.load("inception/" + name);
        try (Tensors t = new Tensors()) {
            Tensor y = t.poisoned(f.dims("y"));
            CPU.avgPool2dWindowForward(t.of(f.values("x"), f.dims("x")), y, f.integer("kernel"), f.integer("stride"),
                    f.integer("pad"), f.integer("countIncludePad") != 0);
            assertClose(f.values("y"), y.toArray(), FIXTURE_REL, FIXTURE_ABS, name + " y");
        }
    }

    @Test
    void cornerDividesByNineOrByFour() {
        try (Tensors t = new Tensors()) {
            float[] ones = new float[3 * 3];
            Arrays.fill(ones, 1f);
            Tensor x = t.of(ones, 1, 1, 3, 3);
            Tensor y = t.poisoned(1, 1, 3, 3);
            CPU.avgPool2dWindowForward(x, y, 3, 1, 1, true);
            assertEquals(4f / 9f, y.toArray()[0], "corner with count_include_pad: 4 ones / 9");
            CPU.avgPool2dWindowForward(x, y, 3, 1, 1, false);
            assertEquals(1f, y.toArray()[0], "corner without count_include_pad: 4 ones / 4");
        }
    }

    @Test
    void badArgumentsAreRejected() {
        try (Tensors t = new Tensors()) {
            Tensor x = t.zeros(2, 3, 7, 9);
            assertRejected(() -> CPU.avgPool2dWindowForward(x, t.zeros(2, 3, 5, 7), 3, 1, 1, true),
                    "avgPool2dWindowForward", "y has shape [2, 3, 5, 7]", "[2, 3, 7, 9]");
            assertRejected(() -> CPU.avgPool2dWindowForward(x, t.zeros(2, 3, 7, 9), 3, 1, -1, true), "pad = -1");
            assertRejected(() -> CPU.avgPool2dWindowForward(x, t.zeros(2, 3, 7, 9), 0, 1, 0, true), "kernel = 0");
            assertNativeRejected(() -> Ag.ag_avg_pool2d_window_forward(Ag.AG_DEVICE_CPU, x.address(), x.address(), 2, 3, 7, 9,
                    3, 1, 2, 1), "ag_avg_pool2d_window_forward", "pad = 2");
            assertNativeRejected(() -> Ag.ag_avg_pool2d_window_forward(Ag.AG_DEVICE_CPU, x.address(), 0L, 2, 3, 7, 9, 3, 1, 1,
                    1), "y is NULL");
            assertNativeRejected(() -> Ag.ag_avg_pool2d_window_forward(Ag.AG_DEVICE_CPU, x.address(), x.address(), 0, 3, 7, 9,
                    3, 1, 1, 1), "shape must be positive");
        }
    }
}
