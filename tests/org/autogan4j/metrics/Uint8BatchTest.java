// Uint8Batch.quantize against the original AutoGAN conversion run in PyTorch
// (x.mul_(127.5).add_(127.5).clamp_(0, 255).to(torch.uint8), tools/make_scoring_fixtures.py) on noise,
// every uint8 level's float preimage and its neighbours, and out-of-range values: the cast truncates,
// so several of them land one level below rounding. Also the float views of a batch.
package org.autogan4j.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.autogan4j.data.Dataset;
import org.autogan4j.testing.Fixture;
import org.junit.jupiter.api.Test;

class Uint8BatchTest {
    @Test
    void quantizeMatchesTorch() {
        Fixture f = Fixture.load("scoring/quantize");
        float[] x = f.values("x");
        float[] expected = f.values("y");
        int truncatedBelowRounding = 0;
        for (int i = 0; i < x.length; i++) {
            assertEquals((int) expected[i], Uint8Batch.quantize(x[i]), "x = " + x[i]);
            float rounded = Math.round(Math.max(0f, Math.min(255f, x[i] * 127.5f + 127.5f)));
            truncatedBelowRounding += rounded != expected[i] ? 1 : 0;
        }
        assertEquals(true, truncatedBelowRounding > 0, "the fixture must tell truncation from rounding");
        Uint8Batch batch = Uint8Batch.fromGenerated(x, x.length, 1, 1, 1);
        for (int i = 0; i < x.length; i++) {
            assertEquals((int) expected[i], batch.value(i));
        }
    }

    @Test
    void floatViewsAreToTensorAndTheDataLayersRange() {
        Uint8Batch b = new Uint8Batch(1, 1, 1, 3, new byte[] {0, (byte) 128, (byte) 255});
        assertArrayEquals(new float[] {0f, 128 / 255f, 1f}, b.toUnitRange());
        assertArrayEquals(new float[] {Dataset.toFloat(0), Dataset.toFloat(128), Dataset.toFloat(255)},
                b.toSignedRange());
        assertThrows(IllegalArgumentException.class, () -> new Uint8Batch(2, 1, 1, 3, new byte[3]));
    }
}
