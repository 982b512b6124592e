// Where a job's messages and progress go (standard error, chosen by the command line) and how they look:
//   REDRAW  a terminal: the progress line is redrawn in place (\r, then erase to the end of the line),
//           at most 4 times a second; messages print above it;
//   LINES   a file or a pipe (`2> log`): no \r and no escape codes; a progress line at most once every
//           LINE_SECONDS seconds, and always the last one;
//   QUIET   --quiet: no messages and no progress, only warnings (errors and the final summary are
//           printed by the command itself).
// The clock is injectable so that tests can check the intervals without waiting.
package org.autogan4j.app;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.function.LongSupplier;

public final class Log {
    /** How the output looks. */
    public enum Mode { REDRAW, LINES, QUIET }

    /** In LINES mode, at most one progress line per this many seconds (plus the last one). */
    public static final int LINE_SECONDS = 10;
    /** A terminal redraws at most 4 times a second: a D step can take a few milliseconds on a GPU. */
    private static final long REDRAW_NANOS = 250_000_000L;
    private static final String ERASE_LINE = "\u001b[K";

    private final PrintStream out;
    private final Mode mode;
    private final LongSupplier clock;
    private long lastProgress;
    private boolean progressShown;
    private boolean barOpen;

    public Log(PrintStream out, Mode mode) {
        this(out, mode, System::nanoTime);
    }

    /** As Log(out, mode), with clock giving the time in nanoseconds. */
    public Log(PrintStream out, Mode mode, LongSupplier clock) {
        this.out = out;
        this.mode = mode;
        this.clock = clock;
    }

    /** Plain lines to out (what tests and tools without a terminal use). */
    public static Log lines(PrintStream out) {
        return new Log(out, Mode.LINES);
    }

    /** Nothing but warnings, and those to nowhere. */
    public static Log silent() {
        return new Log(new PrintStream(OutputStream.nullOutputStream()), Mode.QUIET);
    }

    public Mode mode() {
        return mode;
    }

    /** A message on its own line; nothing when quiet. */
    public void info(String text) {
        if (mode != Mode.QUIET) {
            line(text);
        }
    }

    /** "warning: text", in every mode. */
    public void warn(String text) {
        line("warning: " + text);
    }

    /**
     * A progress report: redrawn (REDRAW) or printed as a line (LINES) unless one was shown within the
     * interval; last reports are always shown, and end a redrawn line.
     */
    public void progress(String text, boolean last) {
        if (mode == Mode.QUIET) {
            return;
        }
        long now = clock.getAsLong();
        long interval = mode == Mode.REDRAW ? REDRAW_NANOS : LINE_SECONDS * 1_000_000_000L;
        if (!last && progressShown && now - lastProgress < interval) {
            return;
        }
        lastProgress = now;
        progressShown = true;
        if (mode == Mode.REDRAW) {
            out.print("\r" + text + ERASE_LINE + (last ? "\n" : ""));
            barOpen = !last;
        } else {
            out.println(text);
        }
        out.flush();
    }

    /** The stream messages go to, for code that prints lines itself; a null stream when quiet. */
    PrintStream infoStream() {
        return mode == Mode.QUIET ? new PrintStream(OutputStream.nullOutputStream()) : out;
    }

    private void line(String text) {
        out.println((barOpen ? "\r" + ERASE_LINE : "") + text);
        barOpen = false;
        out.flush();
    }
}
