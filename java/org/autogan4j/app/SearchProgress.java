// The progress of a search: a bar, the iteration, stage and phase, elapsed time and an ETA, shown
// through a Log (redrawn on a terminal, rate-limited lines in a file). Every phase counts: the growth
// candidates' rewards at grow_step1/2, the shared-GAN steps, the controller steps, the final top-K's
// rewards and the outputs of each final candidate (sample grid, FID/KID), so the bar reaches 100% when
// the search ends. The ETA weighs the remaining work by a cost model (a D step and a reward batch at
// stage s cost ~4^s, the image area) calibrated by the time spent so far.
package org.autogan4j.app;

import java.util.Locale;

final class SearchProgress {
    private static final int WIDTH = 24;
    /** Time before the first ETA: the first steps include warm-up and would mislead. */
    private static final double MIN_ETA_SECONDS = 10;
    /** The final images are stage 2's: 4^2 times stage 0's area. */
    private static final double FINAL_AREA = 16;

    private final SearchSettings config;
    private final Log log;
    private final double totalCost;
    private final long startNs = System.nanoTime();
    private final double costAtStart;

    SearchProgress(SearchSettings config, Log log, int firstIteration) {
        this.config = config;
        this.log = log;
        this.totalCost = costBefore(config.maxSearchIter()) + finalRewardsCost() + finalOutputsCost();
        this.costAtStart = costBefore(firstIteration);
    }

    private double rewardBatches() {
        return Math.ceil((double) config.rlNumEvalImg() / config.evalBatch());
    }

    private static double area(int stage) {
        return Math.pow(4, stage);
    }

    private double growthCost(int iter) {
        boolean grows = iter == config.growStep1() || iter == config.growStep2();
        return grows ? config.numCandidate() * rewardBatches() * area(config.stageOf(iter) - 1) : 0;
    }

    private double sharedCost(int iter) {
        return area(config.stageOf(iter)) * config.sharedSteps();
    }

    private double controllerCost(int iter) {
        return area(config.stageOf(iter)) * config.ctrlStep() * rewardBatches();
    }

    private double finalRewardsCost() {
        return config.numCandidate() * rewardBatches() * FINAL_AREA;
    }

    /** Each final candidate's grid and evaluation (features as well as the IS: about twice a reward). */
    private double finalOutputsCost() {
        return config.topk() * 2 * rewardBatches() * FINAL_AREA;
    }

    private double costBefore(int iter) {
        double c = 0;
        for (int i = 0; i < iter; i++) {
            c += growthCost(i) + sharedCost(i) + controllerCost(i);
        }
        return c;
    }

    /** Growth at the start of iteration iter: done of total candidates scored. */
    void growth(int iter, int done, int total) {
        show(iter, costBefore(iter) + growthCost(iter) * done / total, "growing to stage " + config.stageOf(iter)
                + ": candidate " + done + "/" + total, false);
    }

    /** Shared-GAN training in iteration iter: step D steps of total. */
    void shared(int iter, int step, int total) {
        show(iter, costBefore(iter) + growthCost(iter) + sharedCost(iter) * step / Math.max(1, total), "shared " + step
                + "/" + total, false);
    }

    /** Controller training in iteration iter: step REINFORCE steps of total. */
    void controller(int iter, int step, int total) {
        show(iter, costBefore(iter) + growthCost(iter) + sharedCost(iter) + controllerCost(iter) * step
                / Math.max(1, total), "controller " + step + "/" + total, false);
    }

    /** The final top-K's rewards: done of total candidates scored. */
    void finalRewards(int done, int total) {
        show(config.maxSearchIter(), costBefore(config.maxSearchIter()) + finalRewardsCost() * done / total,
                "final top-K: candidate " + done + "/" + total, false);
    }

    /** The final candidates' grids and scores: done of total written. */
    void finalOutputs(int done, int total) {
        show(config.maxSearchIter(), costBefore(config.maxSearchIter()) + finalRewardsCost() + finalOutputsCost()
                * done / total, "final candidates: " + done + "/" + total + " scored and drawn", false);
    }

    /** The end: 100%, always shown. */
    void finish() {
        show(config.maxSearchIter(), totalCost, "done", true);
    }

    private void show(int iter, double done, String phase, boolean last) {
        double fraction = Math.min(1, done / totalCost);
        double seconds = (System.nanoTime() - startNs) / 1e9;
        double rate = (done - costAtStart) / Math.max(seconds, 1e-9);
        String eta = last ? "" : ", ETA " + (seconds >= MIN_ETA_SECONDS && rate > 0 ? time((totalCost - done) / rate)
                : "estimating");
        int filled = (int) Math.floor(fraction * WIDTH);
        int shownIter = Math.min(iter + 1, config.maxSearchIter());
        log.progress(String.format(Locale.ROOT, "[%s%s] %3d%% iter %d/%d stage %d %s | %s elapsed%s",
                "#".repeat(filled), "-".repeat(WIDTH - filled), (int) Math.floor(fraction * 100), shownIter,
                config.maxSearchIter(), config.stageOf(shownIter - 1), phase, time(seconds), eta), last);
    }

    static String time(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
