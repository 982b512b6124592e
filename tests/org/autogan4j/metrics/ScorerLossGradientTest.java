// Gradient checks for the Fashion-MNIST scorer's training pieces: the host softmax cross-entropy's
// dLogits = (p - onehot) / n against central differences of its loss, its value and its checks;
// Flatten's forward and backward keep values and restore the shape.
package org.autogan4j.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;
import org.autogan4j.testing.GradientCheck;
import org.junit.jupiter.api.Test;

class ScorerLossGradientTest {
    private static final int ROWS = 4;
    private static final int CLASSES = 5;
    private static final int[] LABELS = {0, 3, 4, 3};
    /** log(CLASSES) for equal logits is exact in double; the float sum rounds at ~1e-7. */
    private static final double UNIFORM_LOSS_TOLERANCE = 1e-6;

    private static float[] randomValues(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) (random.nextDouble() * 4 - 2);
        }
        return values;
    }

    @Test
    void crossEntropyGradientMatchesFiniteDifferences() {
        new GradientCheck("softmax cross-entropy")
                .input("logits", randomValues(ROWS * CLASSES, 7))
                .run(inputs -> new float[] {(float) SoftmaxCrossEntropy.compute(inputs[0], LABELS, CLASSES).loss()},
                        (inputs, dy) -> {
                            float[] dLogits = SoftmaxCrossEntropy.compute(inputs[0], LABELS, CLASSES).dLogits();
                            for (int i = 0; i < dLogits.length; i++) {
                                dLogits[i] *= dy[0];
                            }
                            return new float[][] {dLogits};
                        });
    }

    @Test
    void equalLogitsCostLogClassesAndCountAccuracy() {
        SoftmaxCrossEntropy.Result r = SoftmaxCrossEntropy.compute(new float[ROWS * CLASSES], LABELS, CLASSES);
        assertEquals(Math.log(CLASSES), r.loss(), UNIFORM_LOSS_TOLERANCE);
        float[] logits = new float[ROWS * CLASSES];
        logits[0 * CLASSES + 0] = 1;
        logits[1 * CLASSES + 3] = 1;
        logits[2 * CLASSES + 1] = 1;
        logits[3 * CLASSES + 2] = 1;
        assertEquals(2, SoftmaxCrossEntropy.compute(logits, LABELS, CLASSES).correct());
    }

    @Test
    void badLabelsAndShapesAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> SoftmaxCrossEntropy.compute(new float[ROWS * CLASSES], new int[] {0, 1, 2, CLASSES}, CLASSES));
        assertThrows(IllegalArgumentException.class,
                () -> SoftmaxCrossEntropy.compute(new float[ROWS * CLASSES - 1], LABELS, CLASSES));
    }

    @Test
    void flattenKeepsValuesAndRestoresTheShape() {
        float[] values = randomValues(2 * 3 * 4 * 4, 5);
        try (Flatten flatten = new Flatten(Device.CPU); Tensor x = Tensor.of(Device.CPU, values, 2, 3, 4, 4)) {
            Tensor y = flatten.forward(x);
            assertArrayEquals(new int[] {2, 48}, y.shape().dims());
            assertArrayEquals(values, y.toArray());
            Tensor dx = flatten.backward(y);
            assertArrayEquals(new int[] {2, 3, 4, 4}, dx.shape().dims());
            assertArrayEquals(values, dx.toArray());
        }
    }
}
