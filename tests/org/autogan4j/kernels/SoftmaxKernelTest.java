// Tests of the softmax / log-softmax CPU twin (InceptionV3's class probabilities for the Inception
// Score): PyTorch fixtures at a small odd row and at 1008 classes with large logits, rows summing to
// 1, no overflow where exp(x) alone would, and bad arguments rejected by the Backend and the twin.
package org.autogan4j.kernels;

import static org.autogan4j.kernels.InceptionOpAsserts.assertNativeRejected;
import static org.autogan4j.kernels.InceptionOpAsserts.assertRejected;
import static org.autogan4j.testing.Tensors.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.autogan4j.nativeapi.Ag;
import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Backend;

import org.autogan4j.tensor.Tensor;
import org.autogan4j.testing.Fixture;
import org.autogan4j.testing.Tensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SoftmaxKernelTest {
    /** exp in float (1 ulp either side) and the sum in another order: a few ulp of each output. */
    private static final double FIXTURE_REL = 1e-6;
    /** Floor for tiny probabilities and log-probabilities near 0: far below a wrong value's size. */
    private static final double FIXTURE_ABS = 1e-7;
    /** A row of probabilities sums to 1 within the float rounding of its 1008 terms. */
    private static final double ROW_SUM_TOL = 1e-5;
    private static final Backend CPU = Device.CPU.backend();

    @ParameterizedTest
    @ValueSource(strings = {"softmax", "softmax_1008", "log_softmax", "log_softmax_1008"})
    void matchesPyTorch(String name) {
        Fixture f = Fixture.load("inception/" + name);
        try (Tensors t = new Tensors()) {
            Tensor y = t.poisoned(f.dims("y"));
            CPU.softmaxForward(t.of(f.values("x"), f.dims("x")), y, f.integer("log") != 0);
            assertClose(f.values("y"), y.toArray(), FIXTURE_REL, FIXTURE_ABS, name + " y");
        }
    }

    @Test
    void largeLogitsDoNotOverflowAndRowsSumToOne() {
        try (Tensors t = new Tensors()) {
            float[] x = Tensors.randn(421, 4 * 1008);
            for (int i = 0; i < x.length; i++) {
                x[i] = 200f + 30f * x[i];
            }
            Tensor y = t.poisoned(4, 1008);
            CPU.softmaxForward(t.of(x, 4, 1008), y, false);
            float[] p = y.toArray();
            Tensors.assertAllFinite(p, "softmax of logits near 200 (exp alone overflows)");
            for (int r = 0; r < 4; r++) {
                double sum = 0;
                for (int j = 0; j < 1008; j++) {
                    sum += p[r * 1008 + j];
                }
                assertEquals(1.0, sum, ROW_SUM_TOL, "row " + r + " sums to 1");
            }
        }
    }

    @Test
    void badArgumentsAreRejected() {
        try (Tensors t = new Tensors()) {
            Tensor x = t.zeros(3, 7);
            assertRejected(() -> CPU.softmaxForward(x, t.zeros(3, 8), false), "softmaxForward",
                    "y has shape [3, 8]", "[3, 7] (rows, cols)");
            assertRejected(() -> CPU.softmaxForward(t.zeros(21), t.zeros(21), true), "x", "rank 2");
            assertNativeRejected(() -> Ag.ag_softmax_forward(Ag.AG_DEVICE_CPU, x.address(), x.address(), 3, 0, 0),
                    "ag_softmax_forward", "cols = 0");
            assertNativeRejected(() -> Ag.ag_softmax_forward(Ag.AG_DEVICE_CPU, 0L, x.address(), 3, 7, 0), "x is NULL");
        }
    }
}
