// The record of a search's events: each one is a metrics.csv row (MetricsLog) and, with --tensorboard,
// the same numbers as TensorBoard scalars (TensorBoardLog), tagged shared/*, controller/*, grow/*,
// iteration/* at the D step, the global controller step (iteration x ctrl_step + step) or the
// iteration; the sample grid of each iteration becomes the image "samples".
package org.autogan4j.app;

import java.io.IOException;
import java.util.List;

import org.autogan4j.gan.Architecture;
import org.autogan4j.io.ImageGrid;
import org.autogan4j.search.Candidate;

final class SearchEvents implements AutoCloseable {
    private final MetricsLog csv;
    private final TensorBoardLog board;
    private final int ctrlSteps;
    private final double lr;

    SearchEvents(MetricsLog csv, TensorBoardLog board, SearchSettings config) {
        this.csv = csv;
        this.board = board;
        this.ctrlSteps = config.ctrlStep();
        this.lr = config.lr();
    }

    TensorBoardLog board() {
        return board;
    }

    /** Bytes of metrics.csv so far (what a checkpoint records). */
    long length() throws IOException {
        return csv.length();
    }

    /** The mean losses of a stretch of shared-GAN training ending at D step dStep (gLoss NaN: no G step). */
    void shared(double time, int iter, int stage, long dStep, double dLoss, double gLoss) throws IOException {
        csv.row(time, iter, stage, "shared", dStep, dLoss, gLoss, null, null, null, null);
        board.scalars(dStep, new String[] {"shared/d_loss", "shared/g_loss", "shared/lr"}, dLoss, gLoss, lr);
    }

    void reset(double time, int iter, int stage, long dStep) throws IOException {
        csv.row(time, iter, stage, "reset", dStep, null, null, null, null, null, null);
    }

    /** Controller step step of iteration iter: its sample's reward, the baseline (null before one exists), entropy. */
    void controller(double time, int iter, int stage, int step, long dStep, double reward, Double baseline,
            double entropy, Architecture arch) throws IOException {
        csv.row(time, iter, stage, "controller", dStep, null, null, reward, baseline, entropy, arch);
        board.scalars((long) iter * ctrlSteps + step, new String[] {"controller/reward", "controller/baseline",
            "controller/entropy"}, reward, baseline, entropy);
    }

    /** The parents kept when iteration iter grew the search out of stage. */
    void grow(double time, int iter, int stage, List<Candidate> parents) throws IOException {
        for (Candidate c : parents) {
            csv.row(time, iter, stage, "grow", null, null, null, c.reward(), null, null, c.architecture());
        }
        board.scalars(iter, new String[] {"grow/best_reward"}, parents.get(0).reward());
    }

    /** The end of iteration iter: the D steps so far, its mean controller reward and its sample grid. */
    void iteration(double time, int iter, int stage, long dStep, double meanReward, ImageGrid.Encoded samples)
            throws IOException {
        csv.row(time, iter, stage, "iteration", dStep, null, null, meanReward, null, null, null);
        board.scalars(iter, new String[] {"iteration/mean_reward"}, meanReward);
        board.image(iter, "samples", samples);
    }

    /** One of the final top-K, logged after the last iteration. */
    void finalEntry(double time, int lastIteration, Candidate c) throws IOException {
        csv.row(time, lastIteration, 2, "final", null, null, null, c.reward(), null, null, c.architecture());
    }

    @Override
    public void close() throws IOException {
        try {
            csv.close();
        } finally {
            board.close();
        }
    }
}
