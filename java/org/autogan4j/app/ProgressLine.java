// The progress of a counted job (train's G steps, the images of eval, fid-stats and fid): the count
// done with its percentage, the rate and the estimated time left (capped by a time budget when there
// is one), shown through a Log, which redraws it on a terminal and rate-limits it in a file; the
// report that reaches the total is always shown.
package org.autogan4j.app;

import java.util.Locale;

final class ProgressLine {
    private final Log log;
    private final String label;
    private final String unit;
    private final double budgetSeconds;
    private final long start = System.nanoTime();

    ProgressLine(Log log, String label, String unit) {
        this(log, label, unit, 0);
    }

    /** budgetSeconds > 0: the work stops after that many seconds, which caps the ETA. */
    ProgressLine(Log log, String label, String unit, double budgetSeconds) {
        this.log = log;
        this.label = label;
        this.unit = unit;
        this.budgetSeconds = budgetSeconds;
    }

    /** Reports done of total with extra text; reaching total is the last report. */
    void update(long done, long total, String extra) {
        log.progress(text(done, total, extra), done >= total);
    }

    /** The last report of a job that ended at done of total (e.g. a time budget ran out): always shown. */
    void finish(long done, long total, String extra) {
        log.progress(text(done, total, extra), true);
    }

    String text(long done, long total, String extra) {
        double seconds = seconds();
        double rate = done / Math.max(seconds, 1e-9);
        double left = done == 0 ? Double.POSITIVE_INFINITY : (total - done) / rate;
        if (budgetSeconds > 0) {
            left = Math.min(left, Math.max(0, budgetSeconds - seconds));
        }
        String eta = done >= total ? "done" : "ETA " + (Double.isInfinite(left) ? "?" : clock(left));
        return String.format(Locale.ROOT, "[%s] %d/%d %s (%d%%)%s | %.2f %s/s | elapsed %s | %s", label, done, total,
                unit, 100 * done / Math.max(1, total), extra.isEmpty() ? "" : " " + extra, rate, unit, clock(seconds),
                eta);
    }

    /** Seconds since this line was made. */
    double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
