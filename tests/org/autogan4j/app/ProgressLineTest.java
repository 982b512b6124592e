package org.autogan4j.app;

// The progress line's clock format (m:ss, h:mm:ss), its "?" before anything is done, a spent time
// budget capping the ETA at 0:00 whatever the step count says, and the report reaching the total
// reading 100% and "done".

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
    void etaIsUnknownAtZeroCappedByASpentBudgetAndDoneAtTheEnd() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        new ProgressLine(Log.lines(out), "t", "steps").update(0, 10, "");
        new ProgressLine(Log.lines(out), "b", "steps", 1e-9).finish(1, 1_000_000, "x");
        new ProgressLine(Log.lines(out), "e", "images").update(999, 1000, "");
        new ProgressLine(Log.lines(out), "d", "images").update(40, 40, "");
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(4, lines.length);
        assertTrue(lines[0].startsWith("[t] 0/10 steps (0%) |") && lines[0].endsWith("ETA ?"), lines[0]);
        assertTrue(lines[1].startsWith("[b] 1/1000000 steps (0%) x |") && lines[1].endsWith("ETA 0:00"), lines[1]);
        assertTrue(lines[2].startsWith("[e] 999/1000 images (99%) |"), "99.9% is not shown as 100%: " + lines[2]);
        assertTrue(lines[3].startsWith("[d] 40/40 images (100%) |") && lines[3].endsWith("| done"), lines[3]);
    }
}
