// The PNG plots of a search run, drawn from its metrics.csv rows into RUN_DIR/plots/:
// rewards.png (controller reward and baseline per controller step), entropy.png (the entropy of each
// controller sample, summed over its tokens), both with stage boundaries marked; losses.png (mean d_loss
// and g_loss of each shared-training summary against the D step, stage boundaries and resets marked);
// is.png (IS against wall-clock time as points only, since the time between them is spent training:
// controller samples, per-iteration means, growth candidates and the final top-K; resets marked).
package org.autogan4j.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import org.autogan4j.report.MetricsCsv.Event;
import org.autogan4j.report.MetricsCsv.Row;

public final class RunPlots {
    public static final String REWARDS = "plots/rewards.png";
    public static final String ENTROPY = "plots/entropy.png";
    public static final String LOSSES = "plots/losses.png";
    public static final String IS = "plots/is.png";
    /** Every plot, in the order the report shows them. */
    public static final List<String> ALL = List.of(REWARDS, ENTROPY, LOSSES, IS);
    public static final int WIDTH = 800;
    public static final int HEIGHT = 400;

    private static final Color RESET = new Color(0xC00000);
    private static final Color STAGE = new Color(0x666666);

    private RunPlots() {
    }

    /** Writes every plot under runDir. */
    public static void write(Path runDir, List<Row> rows) throws IOException {
        rewards(rows).write(runDir.resolve(REWARDS), WIDTH, HEIGHT);
        entropy(rows).write(runDir.resolve(ENTROPY), WIDTH, HEIGHT);
        losses(rows).write(runDir.resolve(LOSSES), WIDTH, HEIGHT);
        inceptionScore(rows).write(runDir.resolve(IS), WIDTH, HEIGHT);
    }

    static LinePlot rewards(List<Row> rows) {
        List<Row> steps = select(rows, Event.CONTROLLER);
        double[] index = counting(steps.size());
        return stageMarkers(new LinePlot("Controller reward", "controller step", "reward (IS)")
                .series("reward", index, column(steps, Row::reward), LinePlot.Style.LINE)
                .series("baseline", index, column(steps, Row::baseline), LinePlot.Style.LINE), steps);
    }

    static LinePlot entropy(List<Row> rows) {
        List<Row> steps = select(rows, Event.CONTROLLER);
        return stageMarkers(new LinePlot("Controller entropy", "controller step", "entropy (nats, summed over tokens)")
                .series("entropy", counting(steps.size()), column(steps, Row::entropy), LinePlot.Style.LINE,
                        LinePlot.PALETTE[2]), steps);
    }

    static LinePlot losses(List<Row> rows) {
        List<Row> shared = select(rows, Event.SHARED);
        double[] dStep = column(shared, r -> r.dStep() < 0 ? Double.NaN : r.dStep());
        LinePlot plot = new LinePlot("Shared GAN losses", "D step", "hinge loss")
                .series("d_loss", dStep, column(shared, Row::dLoss), LinePlot.Style.LINE)
                .series("g_loss", dStep, column(shared, Row::gLoss), LinePlot.Style.LINE);
        for (int i = 1; i < shared.size(); i++) {
            if (shared.get(i).stage() != shared.get(i - 1).stage() && shared.get(i - 1).dStep() >= 0) {
                plot.marker(shared.get(i - 1).dStep(), "stage " + shared.get(i).stage(), STAGE);
            }
        }
        for (Row r : select(rows, Event.RESET)) {
            if (r.dStep() >= 0) {
                plot.marker(r.dStep(), "reset", RESET);
            }
        }
        return plot;
    }

    static LinePlot inceptionScore(List<Row> rows) {
        double end = 0;
        for (Row r : rows) {
            end = Math.max(end, r.timeS());
        }
        double unit = end >= 3 * 3600 ? 3600 : end >= 600 ? 60 : 1;
        String unitName = unit == 3600 ? "hours" : unit == 60 ? "minutes" : "seconds";
        ToDoubleFunction<Row> time = r -> r.timeS() / unit;
        List<Row> controller = select(rows, Event.CONTROLLER);
        List<Row> iterations = select(rows, Event.ITERATION);
        List<Row> grow = select(rows, Event.GROW);
        List<Row> top = select(rows, Event.FINAL);
        LinePlot plot = new LinePlot("Inception Score over time", "wall-clock time (" + unitName + ")", "IS")
                .series("controller sample", column(controller, time), column(controller, Row::reward),
                        LinePlot.Style.POINTS, new Color(0x9DC3E6))
                .series("iteration mean", column(iterations, time), column(iterations, Row::reward),
                        LinePlot.Style.POINTS, LinePlot.PALETTE[0])
                .series("growth candidate", column(grow, time), column(grow, Row::reward), LinePlot.Style.POINTS,
                        LinePlot.PALETTE[1])
                .series("final top-K", column(top, time), column(top, Row::reward), LinePlot.Style.POINTS,
                        LinePlot.PALETTE[3]);
        for (Row r : select(rows, Event.RESET)) {
            plot.marker(time.applyAsDouble(r), "reset", RESET);
        }
        return plot;
    }

    /** plot with a labelled line where the stage of steps changes (between controller steps i and i + 1). */
    private static LinePlot stageMarkers(LinePlot plot, List<Row> steps) {
        for (int i = 1; i < steps.size(); i++) {
            if (steps.get(i).stage() != steps.get(i - 1).stage()) {
                plot.marker(i + 0.5, "stage " + steps.get(i).stage(), STAGE);
            }
        }
        return plot;
    }

    private static double[] counting(int n) {
        double[] index = new double[n];
        for (int i = 0; i < n; i++) {
            index[i] = i + 1;
        }
        return index;
    }

    private static List<Row> select(List<Row> rows, Event event) {
        List<Row> out = new ArrayList<>();
        for (Row r : rows) {
            if (r.event() == event) {
                out.add(r);
            }
        }
        return out;
    }

    private static double[] column(List<Row> rows, ToDoubleFunction<Row> field) {
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = field.applyAsDouble(rows.get(i));
        }
        return out;
    }
}
