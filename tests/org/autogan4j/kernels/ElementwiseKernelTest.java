// Tests of the elementwise CPU twins (fill, copy, axpy, add, scale) against the same float
// arithmetic in Java, at sizes from 1 to past the parallel threshold, including add with y
// aliasing a, b or both.
package org.autogan4j.kernels;

import static org.autogan4j.testing.Tensors.assertBitIdentical;
import static org.autogan4j.testing.Tensors.assertClose;

import java.util.Arrays;

import org.autogan4j.tensor.Backend;
import org.autogan4j.tensor.Device;

import org.autogan4j.tensor.Tensor;
import org.autogan4j.testing.Tensors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ElementwiseKernelTest {
    /** axpy is one multiply and one add: a fused multiply-add may round once instead of twice. */
    private static final double AXPY_REL = 1e-6;
    /** Floor for axpy results that cancel to near 0, where that one rounding is relatively large. */
    private static final double AXPY_ABS = 1e-6;
    private static final Backend CPU = Device.CPU.backend();

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 4099, 1_000_003})
    void fillWritesEveryElement(int n) {
        try (Tensors t = new Tensors()) {
            Tensor y = t.poisoned(n);
            CPU.fill(y, -2.75f);
            float[] expected = new float[n];
            Arrays.fill(expected, -2.75f);
            assertBitIdentical(expected, y.toArray(), "fill -2.75, n = " + n);
            CPU.fill(y, 0f);
            assertBitIdentical(new float[n], y.toArray(), "fill 0, n = " + n);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 4099, 1_000_003})
    void copyCopiesEveryElement(int n) {
        float[] x = Tensors.randn(171, n);
        try (Tensors t = new Tensors()) {
            Tensor y = t.poisoned(n);
            CPU.copy(y, t.of(x, n));
            assertBitIdentical(x, y.toArray(), "copy, n = " + n);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 4099, 1_000_003})
    void axpyAddsScaledX(int n) {
        float[] x = Tensors.randn(172, n);
        float[] y0 = Tensors.randn(173, n);
        float alpha = -0.37f;
        float[] expected = new float[n];
        for (int i = 0; i < n; i++) {
            expected[i] = y0[i] + alpha * x[i];
        }
        try (Tensors t = new Tensors()) {
            Tensor y = t.of(y0, n);
            CPU.axpy(y, t.of(x, n), alpha);
            assertClose(expected, y.toArray(), AXPY_REL, AXPY_ABS, "axpy alpha -0.37, n = " + n);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 4099, 1_000_003})
    void addSumsAndMayAliasItsInputs(int n) {
        float[] a = Tensors.randn(174, n);
        float[] b = Tensors.randn(175, n);
        float[] sum = new float[n];
        float[] twiceA = new float[n];
        for (int i = 0; i < n; i++) {
            sum[i] = a[i] + b[i];
            twiceA[i] = a[i] + a[i];
        }
        try (Tensors t = new Tensors()) {
            Tensor y = t.poisoned(n);
            CPU.add(y, t.of(a, n), t.of(b, n));
            assertBitIdentical(sum, y.toArray(), "add into a separate y, n = " + n);
            Tensor aliasA = t.of(a, n);
            CPU.add(aliasA, aliasA, t.of(b, n));
            assertBitIdentical(sum, aliasA.toArray(), "add with y aliasing a, n = " + n);
            Tensor aliasB = t.of(b, n);
            CPU.add(aliasB, t.of(a, n), aliasB);
            assertBitIdentical(sum, aliasB.toArray(), "add with y aliasing b, n = " + n);
            Tensor all = t.of(a, n);
            CPU.add(all, all, all);
            assertBitIdentical(twiceA, all.toArray(), "add with y, a and b all the same, n = " + n);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 4099, 1_000_003})
    void scaleMultipliesInPlace(int n) {
        float[] x = Tensors.randn(176, n);
        try (Tensors t = new Tensors()) {
            Tensor y = t.of(x, n);
            CPU.scale(y, 1.7f);
            assertBitIdentical(Tensors.times(x, 1.7f), y.toArray(), "scale 1.7, n = " + n);
            CPU.scale(y, 0f);
            assertClose(new float[n], y.toArray(), 0, 0, "scale 0, n = " + n);
        }
    }
}
