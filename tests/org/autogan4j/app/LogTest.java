// Log's three modes on a fake clock: LINES prints plain lines (no carriage return, no escape code) at
// most one per LINE_SECONDS, and always the last; REDRAW rewrites one line with \r at most 4 times a
// second, prints messages above it and ends it with the last report; QUIET prints only warnings.
package org.autogan4j.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class LogTest {
    private static final long SECOND = 1_000_000_000L;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private long now;

    private Log log(Log.Mode mode) {
        return new Log(new PrintStream(bytes, true, StandardCharsets.UTF_8), mode, () -> now);
    }

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void linesAreRateLimitedPlainAndEndWithTheLast() {
        Log log = log(Log.Mode.LINES);
        log.progress("a", false);
        now += (Log.LINE_SECONDS - 1) * SECOND;
        log.progress("b (too soon)", false);
        now += SECOND;
        log.progress("c", false);
        log.info("message");
        log.progress("d (too soon)", false);
        log.progress("e 100%", true);
        log.warn("careful");
        assertEquals("a\nc\nmessage\ne 100%\nwarning: careful\n", text());
    }

    @Test
    void aTerminalRedrawsOneLineWithMessagesAbove() {
        Log log = log(Log.Mode.REDRAW);
        log.progress("10%", false);
        now += SECOND / 10;
        log.progress("15% (too soon)", false);
        now += SECOND / 5;
        log.progress("20%", false);
        log.info("grew");
        now += SECOND;
        log.progress("100%", true);
        log.info("after");
        assertEquals("\r10%\u001b[K\r20%\u001b[K\r\u001b[Kgrew\n\r100%\u001b[K\nafter\n", text());
    }

    @Test
    void quietPrintsOnlyWarnings() {
        Log log = log(Log.Mode.QUIET);
        log.info("message");
        log.progress("100%", true);
        log.warn("careful");
        log.infoStream().println("scorer epoch");
        assertEquals("warning: careful\n", text());
    }
}
