// The Java downscale against PIL itself: each fixture (tools/make_resize_fixtures.py, Pillow's
// Image.resize(BILINEAR)) holds a uint8 image and PIL's result, and every output byte must be equal
// (no tolerance: the fixed-point arithmetic is reproduced exactly).
package org.autogan4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.autogan4j.testing.Fixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PilResizeTest {
    @ParameterizedTest
    @ValueSource(strings = {"rgb_32_to_16", "rgb_32_to_8", "rgb_96_to_48", "rgb_48_to_24", "rgb_48_to_12",
            "gray_28_to_14", "gray_32_to_12", "gray_27_to_10", "gray_33_to_7x5", "gray_16_to_16"})
    void matchesPilExactly(String name) {
        Fixture f = Fixture.load("resize/" + name);
        int[] in = f.dims("x");
        int outH = f.integer("outH");
        int outW = f.integer("outW");
        byte[] y = PilResize.images(bytes(f.values("x")), in[0], in[1], in[2], outH, outW);
        float[] expected = f.values("y");
        assertEquals(expected.length, y.length, name + ": output size");
        int differing = 0;
        int first = -1;
        for (int i = 0; i < y.length; i++) {
            if ((y[i] & 0xFF) != (int) expected[i]) {
                differing++;
                first = first < 0 ? i : first;
            }
        }
        assertEquals(0, differing, name + ": " + differing + " of " + y.length + " bytes differ from PIL"
                + (first < 0 ? "" : "; first at " + first + ": PIL " + (int) expected[first] + ", Java " + (y[first] & 0xFF)));
    }

    private static byte[] bytes(float[] values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) (int) values[i];
        }
        return out;
    }
}
