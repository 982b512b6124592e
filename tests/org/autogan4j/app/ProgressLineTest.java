package org.autogan4j.app;

// The progress line's clock format (m:ss, h:mm:ss), its "?" before anything is done, and a spent
// time budget capping the ETA at 0:00 whatever the step count says.

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ProgressLineTest {
    @Test
    void clockFormats() {
        assertEquals("0:00", ProgressLine.clock(0.4));
        assertEquals("1:05", ProgressLine.clock(65));
        assertEquals("1:02:05", ProgressLine.clock(3725));
    }

    @Test
    void etaIsUnknownAtZeroAndCappedByASpentBudget() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        new ProgressLine(out, "t", "steps").update(0, 10, "", true);
        new ProgressLine(out, "b", "steps", 1e-9).update(1, 1_000_000, "x", true);
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertTrue(lines[0].startsWith("[t] 0/10 steps |") && lines[0].endsWith("ETA ?"), lines[0]);
        assertTrue(lines[1].startsWith("[b] 1/1000000 steps x |") && lines[1].endsWith("ETA 0:00"), lines[1]);
    }
}
