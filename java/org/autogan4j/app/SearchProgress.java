// The terminal progress of a search: a bar, the iteration and phase, elapsed time and an ETA. The ETA
// weighs the remaining work by a cost model (a D step and a reward batch at stage s cost ~4^s, the
// image area) calibrated by the time spent so far. On a terminal the line redraws in place (\r), at
// most 4 times a second; in a log (no console) it prints a full line at most every 30 seconds.
package org.autogan4j.app;

import java.io.PrintStream;
import java.util.Locale;

final class SearchProgress {
    private static final long LOG_INTERVAL_NS = 30_000_000_000L;
    /** A terminal redraws at most 4 times a second: a D step can take a few milliseconds on a GPU. */
    private static final long TERMINAL_INTERVAL_NS = 250_000_000L;
    private static final int WIDTH = 24;
    /** Time before the first ETA: the first steps include warm-up and would mislead. */
    private static final double MIN_ETA_SECONDS = 10;

    private final SearchSettings config;
    private final PrintStream out;
    private final boolean terminal;
    private final double totalCost;
    private final long startNs = System.nanoTime();
    private final double costAtStart;
    private long lastPrintNs;

    SearchProgress(SearchSettings config, PrintStream out, boolean terminal, int firstIteration) {
        this.config = config;
        this.out = out;
        this.terminal = terminal;
        this.totalCost = costBefore(config.maxSearchIter()) + finalCost();
        this.costAtStart = costBefore(firstIteration);
    }

    private double iterationCost(int iter) {
        double area = Math.pow(4, config.stageOf(iter));
        double rewardBatches = Math.ceil((double) config.rlNumEvalImg() / config.evalBatch());
        double growth = iter == config.growStep1() || iter == config.growStep2()
                ? config.numCandidate() * rewardBatches * area / 4 : 0;
        return area * (config.sharedSteps() + config.ctrlStep() * rewardBatches) + growth;
    }

    private double finalCost() {
        return config.numCandidate() * Math.ceil((double) config.rlNumEvalImg() / config.evalBatch()) * 16;
    }

    private double costBefore(int iter) {
        double c = 0;
        for (int i = 0; i < iter; i++) {
            c += iterationCost(i);
        }
        return c;
    }

    /** Shows progress inside iteration iter: fraction done of it, and what is running. */
    void update(int iter, double fractionOfIteration, String phase) {
        long now = System.nanoTime();
        if (now - lastPrintNs < (terminal ? TERMINAL_INTERVAL_NS : LOG_INTERVAL_NS) && lastPrintNs != 0) {
            return;
        }
        lastPrintNs = now;
        double current = iter < config.maxSearchIter() ? iterationCost(iter) : finalCost();
        double done = costBefore(Math.min(iter, config.maxSearchIter())) + fractionOfIteration * current;
        double fraction = Math.min(1, done / totalCost);
        double seconds = (now - startNs) / 1e9;
        double rate = (done - costAtStart) / Math.max(seconds, 1e-9);
        String eta = seconds >= MIN_ETA_SECONDS && rate > 0 ? time((totalCost - done) / rate) : "estimating";
        int filled = (int) Math.round(fraction * WIDTH);
        String line = String.format(Locale.ROOT, "[%s%s] %3.0f%% iter %d/%d stage %d %s | %s elapsed, ETA %s",
                "#".repeat(filled), "-".repeat(WIDTH - filled), fraction * 100, Math.min(iter + 1, config.maxSearchIter()),
                config.maxSearchIter(), config.stageOf(Math.min(iter, config.maxSearchIter() - 1)), phase, time(seconds),
                eta);
        if (terminal) {
            out.print("\r" + line + "\u001b[K");
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** Prints a message on its own line (above the bar on a terminal). */
    void message(String text) {
        out.println((terminal ? "\r\u001b[K" : "") + text);
        out.flush();
    }

    void finish() {
        if (terminal) {
            out.println();
        }
    }

    static String time(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
