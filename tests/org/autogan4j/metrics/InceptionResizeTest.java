// The two host resizes to the Inception input against their references (tools/make_scoring_fixtures.py):
// Tf1Resize against TF 1.x resize_bilinear (align_corners=False, no half-pixel centres) written out in
// numpy float32 and checked there against torch.grid_sample, and PilBicubic against Pillow's own
// Image.resize(BICUBIC) of 'F' images (clean-fid's resize). Both run the same float operations in the
// same order as their reference, so they agree to the last bit; cases cover up- and downscaling,
// non-square planes and the 8, 32, 48 -> 299 sizes scoring uses (299-pixel outputs are checked on the
// rows the fixture keeps).
package org.autogan4j.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.autogan4j.testing.Fixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class InceptionResizeTest {
    /** Same float32 (TF1) or double-then-float32 (PIL) operations in the same order: bit-identical. */
    private static final float EXACT = 0f;

    /** The resized plane, or only the rows the fixture stored. */
    private static float[] resized(Fixture f, boolean tf1) {
        int[] in = f.dims("x");
        int outH = f.integer("outH");
        int outW = f.integer("outW");
        float[] y = new float[outH * outW];
        if (tf1) {
            Tf1Resize.plane(f.values("x"), 0, in[0], in[1], y, 0, outH, outW);
        } else {
            PilBicubic.plane(f.values("x"), 0, in[0], in[1], y, 0, outH, outW);
        }
        if (!f.has("rows")) {
            return y;
        }
        float[] rows = f.values("rows");
        float[] kept = new float[rows.length * outW];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(y, (int) rows[r] * outW, kept, r * outW, outW);
        }
        return kept;
    }

    @ParameterizedTest
    @ValueSource(strings = {"5x7_to_13x11", "64x50_to_29x23", "8_to_299", "32_to_299", "48x20_to_299"})
    void tf1BilinearMatchesTheReference(String name) {
        Fixture f = Fixture.load("scoring/tf1_" + name);
        assertArrayEquals(f.values("y"), resized(f, true), EXACT, name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"5x7_to_13x11", "96x80_to_29x31", "16x24_to_16x40", "8_to_299", "32_to_299",
        "48x20_to_299"})
    void pilBicubicMatchesPillow(String name) {
        Fixture f = Fixture.load("scoring/clean_" + name);
        assertArrayEquals(f.values("y"), resized(f, false), EXACT, name);
    }

    @Test
    void tf1ReadsCornerAlignedCoordinatesAndRepeatsTheLastPixel() {
        float[] y = new float[4];
        Tf1Resize.plane(new float[] {0f, 1f}, 0, 1, 2, y, 0, 1, 4);
        assertArrayEquals(new float[] {0f, 0.5f, 1f, 1f}, y, EXACT, "coordinates 0, 0.5, 1, 1.5 (clamped)");
    }

    @Test
    void pilBicubicKeepsAnEqualSizeAndAConstantPlane() {
        float[] x = {1f, 2f, 3f, 4f, 5f, 6f};
        float[] same = new float[6];
        PilBicubic.plane(x, 0, 2, 3, same, 0, 2, 3);
        assertArrayEquals(x, same, EXACT);
        float[] flat = new float[25];
        java.util.Arrays.fill(flat, 7f);
        float[] up = new float[13 * 11];
        PilBicubic.plane(flat, 0, 5, 5, up, 0, 13, 11);
        for (float v : up) {
            assertEquals(7f, v, 1e-5f, "the normalised weights of a constant plane sum to one");
        }
    }
}
