// The .agfx reader: entries by name from bytes written here in the documented format, a real
// fixture from the class path, and clear errors for a bad magic, a truncated file, a missing
// entry and a missing file.
package org.autogan4j.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class FixtureTest {
    /** A file with the scalar "pad" = 1 and the 2x3 "x" = 0..5. */
    private static byte[] sample() {
        ByteBuffer b = ByteBuffer.allocate(200).order(ByteOrder.LITTLE_ENDIAN);
        b.put("AGFX1\0\0\0".getBytes(StandardCharsets.US_ASCII)).putInt(2);
        b.putInt(3).put("pad".getBytes(StandardCharsets.UTF_8)).putInt(0).putFloat(1f);
        b.putInt(1).put("x".getBytes(StandardCharsets.UTF_8)).putInt(2).putInt(2).putInt(3);
        for (int i = 0; i < 6; i++) {
            b.putFloat(i);
        }
        return Arrays.copyOf(b.array(), b.position());
    }

    @Test
    void readsEntriesByName() {
        Fixture f = Fixture.parse("sample", sample());
        assertEquals(1, f.integer("pad"));
        assertArrayEquals(new int[0], f.dims("pad"));
        assertArrayEquals(new int[] {2, 3}, f.dims("x"));
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5}, f.values("x"));
        assertTrue(f.has("x") && !f.has("y"));
    }

    @Test
    void readsAFixtureFromTheClassPath() {
        Fixture f = Fixture.load("conv2d_k3p1");
        assertArrayEquals(new int[] {2, 3, 5, 6}, f.dims("x"));
        assertEquals(180, f.values("x").length);
        assertEquals(1, f.integer("pad"));
    }

    @Test
    void malformedOrMissingDataIsAClearError() {
        byte[] bad = sample();
        bad[0] = 'X';
        assertMessage(assertThrows(IllegalStateException.class, () -> Fixture.parse("bad", bad)), "magic");
        byte[] cut = Arrays.copyOf(sample(), sample().length - 3);
        assertMessage(assertThrows(IllegalStateException.class, () -> Fixture.parse("cut", cut)), "truncated");
        byte[] extra = Arrays.copyOf(sample(), sample().length + 2);
        assertMessage(assertThrows(IllegalStateException.class, () -> Fixture.parse("extra", extra)), "2 bytes after");
        Fixture f = Fixture.parse("sample", sample());
        assertMessage(assertThrows(IllegalStateException.class, () -> f.values("dy")), "no entry \"dy\"", "[pad, x]");
        assertMessage(assertThrows(IllegalStateException.class, () -> f.scalar("x")), "6 values");
        assertMessage(assertThrows(IllegalStateException.class, () -> Fixture.load("no_such_case")),
                "/fixtures/no_such_case.agfx", "make_fixtures.py");
    }

    private static void assertMessage(Exception e, String... fragments) {
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "\"" + e.getMessage() + "\" should contain " + fragment);
        }
    }
}
