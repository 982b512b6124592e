// The EMA's warm-up (TensorFlow's num_updates form): the decay sequence min(decay, (1 + n) / (10 + n)),
// an average after k updates against the same recursion worked out by hand in double, and a restored
// update count continuing exactly where an uninterrupted average goes.
package org.autogan4j.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.autogan4j.nn.Parameter;
import org.autogan4j.tensor.Device;
import org.junit.jupiter.api.Test;

class EmaWarmupTest {
    /** float32 rounding of a few multiply-adds on values of about 10. */
    private static final double ABS = 1e-5;

    @Test
    void decayGrowsFromATenthToTheSetting() {
        assertEquals(0.1f, Ema.decayAt(0.99f, true, 0));
        assertEquals((float) (2.0 / 11), Ema.decayAt(0.99f, true, 1));
        assertEquals((float) (11.0 / 20), Ema.decayAt(0.99f, true, 10));
        assertEquals((float) (891.0 / 900), Ema.decayAt(0.999f, true, 890));
        assertEquals(0.99f, Ema.decayAt(0.99f, true, 891), "(1 + 891) / 901 > 0.99: the setting caps it");
        assertEquals(0.99f, Ema.decayAt(0.99f, true, 1_000_000));
        assertEquals(0.999f, Ema.decayAt(0.999f, false, 0), "without warm-up the decay is fixed");
    }

    @Test
    void averageAfterThreeUpdatesIsTheHandComputation() {
        try (Parameter p = new Parameter("p", Device.CPU, 1)) {
            p.value().copyFrom(new float[] {0f});
            try (Ema ema = new Ema(Map.of("p", p), 0.999f, true)) {
                float[] values = {10f, 20f, 40f};
                for (float v : values) {
                    p.value().copyFrom(new float[] {v});
                    ema.update();
                }
                // 0.1 * 0 + 0.9 * 10 = 9; (2/11) * 9 + (9/11) * 20 = 198/11; (3/12) * 198/11 + (9/12) * 40 = 34.5
                assertEquals(34.5, ema.averages().get("p").toArray()[0], ABS);
                assertEquals(3, ema.updates());
            }
        }
    }

    @Test
    void restoredCountContinuesExactly() {
        try (Parameter a = new Parameter("p", Device.CPU, 2); Parameter b = new Parameter("p", Device.CPU, 2)) {
            a.value().copyFrom(new float[] {1f, -1f});
            try (Ema whole = new Ema(Map.of("p", a), 0.999f, true)) {
                for (int i = 0; i < 5; i++) {
                    a.value().copyFrom(new float[] {i + 2f, 3f * i});
                    whole.update();
                }
                b.value().copyFrom(new float[] {6f, 12f});
                try (Ema resumed = new Ema(Map.of("p", b), 0.999f, true)) {
                    resumed.averages().get("p").copyFrom(averageAfterFour());
                    resumed.restoreUpdates(4);
                    resumed.update();
                    assertArrayEquals(whole.averages().get("p").toArray(), resumed.averages().get("p").toArray());
                    assertEquals(5, resumed.updates());
                }
                assertThrows(IllegalArgumentException.class, () -> whole.restoreUpdates(-1));
            }
        }
    }

    /** The average of restoredCountContinuesExactly's first four updates, recomputed in its own Ema. */
    private static float[] averageAfterFour() {
        try (Parameter p = new Parameter("p", Device.CPU, 2)) {
            p.value().copyFrom(new float[] {1f, -1f});
            try (Ema ema = new Ema(Map.of("p", p), 0.999f, true)) {
                for (int i = 0; i < 4; i++) {
                    p.value().copyFrom(new float[] {i + 2f, 3f * i});
                    ema.update();
                }
                return ema.averages().get("p").toArray();
            }
        }
    }
}
