// Progress of a long command on stderr: one line per report with the count done, the rate and the
// estimated time left (capped by a time budget when there is one), at most one every few seconds (and
// always the last one), so logs stay short.
package org.autogan4j.app;

import java.io.PrintStream;

final class ProgressLine {
    private static final long MIN_GAP_NANOS = 5_000_000_000L;

    private final PrintStream out;
    private final String label;
    private final String unit;
    private final double budgetSeconds;
    private final long start = System.nanoTime();
    private long lastPrint = Long.MIN_VALUE;

    ProgressLine(PrintStream out, String label, String unit) {
        this(out, label, unit, 0);
    }

    /** budgetSeconds > 0: the work stops after that many seconds, which caps the ETA. */
    ProgressLine(PrintStream out, String label, String unit, double budgetSeconds) {
        this.out = out;
        this.label = label;
        this.unit = unit;
        this.budgetSeconds = budgetSeconds;
    }

    /** Reports done of total with extra text; force prints even within the gap. */
    void update(long done, long total, String extra, boolean force) {
        long now = System.nanoTime();
        if (!force && done < total && lastPrint != Long.MIN_VALUE && now - lastPrint < MIN_GAP_NANOS) {
            return;
        }
        lastPrint = now;
        double seconds = (now - start) / 1e9;
        double rate = done / Math.max(seconds, 1e-9);
        double left = done == 0 ? Double.POSITIVE_INFINITY : (total - done) / rate;
        if (budgetSeconds > 0) {
            left = Math.min(left, Math.max(0, budgetSeconds - seconds));
        }
        String eta = Double.isInfinite(left) ? "?" : clock(left);
        out.printf("[%s] %d/%d %s%s | %.2f %s/s | elapsed %s | ETA %s%n", label, done, total, unit,
                extra.isEmpty() ? "" : " " + extra, rate, unit, clock(seconds), eta);
        out.flush();
    }

    /** Seconds since this line was made. */
    double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }
}
