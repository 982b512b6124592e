// The files of one `autogan4j train` run and what fills them, as the DerivedTraining listener:
// metrics.csv (a "loss" row per report with the mean D and G losses, an "eval" row per evaluation with
// IS mean/std and FID of the EMA generator), samples/g<step>.png (64 EMA samples from one fixed z),
// last.safetensors + last.json (the latest evaluated EMA generator) and best.safetensors + best.json
// (the lowest FID so far; best.json holds its step, IS and FID). Every file is written atomically.
package org.autogan4j.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

import org.autogan4j.data.Datasets;
import org.autogan4j.gan.DerivedTraining;
import org.autogan4j.gan.Generator;
import org.autogan4j.io.AtomicFile;
import org.autogan4j.io.ImageGrid;
import org.autogan4j.metrics.Fid;
import org.autogan4j.metrics.FidStatistics;
import org.autogan4j.metrics.GeneratorScoring;
import org.autogan4j.metrics.Scorer;
import org.autogan4j.nn.Rng;
import org.autogan4j.tensor.Tensor;

final class TrainRun implements DerivedTraining.Listener, AutoCloseable {
    /** Samples in each grid (8x8). */
    static final int SAMPLES = 64;
    static final String CSV_HEADER = "kind,d_step,g_step,d_loss,g_loss,is_mean,is_std,fid,seconds,eval_seconds\n";

    private final Path dir;
    private final DerivedTraining training;
    private final Datasets dataset;
    private final Scorer scorer;
    private final FidStatistics reference;
    private final GeneratorCheckpoint.EvalSettings eval;
    private final long totalGSteps;
    private final PrintStream log;
    private final ProgressLine progress;
    private final StringBuilder csv = new StringBuilder(CSV_HEADER);
    private final Tensor sampleZ;
    private double bestFid = Double.POSITIVE_INFINITY;
    private long bestStep = -1;

    /** maxSeconds > 0 is the run's time budget (for the ETA); sampleSeed fixes the z of every sample grid. */
    TrainRun(Path dir, DerivedTraining training, Datasets dataset, Scorer scorer, FidStatistics reference,
            GeneratorCheckpoint.EvalSettings eval, long totalGSteps, double maxSeconds, long sampleSeed, PrintStream log) {
        this.dir = dir;
        this.training = training;
        this.dataset = dataset;
        this.scorer = scorer;
        this.reference = reference;
        this.eval = eval;
        this.totalGSteps = totalGSteps;
        this.log = log;
        this.progress = new ProgressLine(log, "train", "G steps", maxSeconds);
        Generator g = training.generator();
        this.sampleZ = Tensor.empty(g.device(), SAMPLES, g.config().latentDim());
        new Rng(sampleSeed).normal(sampleZ, 0f, 1f);
    }

    @Override
    public void losses(long dStep, long gStep, double dLoss, double gLoss) throws IOException {
        csv.append(String.format(Locale.ROOT, "loss,%d,%d,%.6f,%.6f,,,,%.1f,%n", dStep, gStep, dLoss, gLoss,
                progress.seconds()));
        writeCsv();
        progress.update(gStep, totalGSteps, String.format(Locale.ROOT, "(d %d) d_loss %.4f g_loss %.4f", dStep, dLoss,
                gLoss), false);
    }

    @Override
    public void evaluate(long dStep, long gStep) throws IOException {
        Generator g = training.generator();
        GeneratorScoring.Result result = GeneratorScoring.score(g, g.config().latentDim(), scorer, eval.images(),
                eval.batch(), eval.splits(), new Rng(eval.seed()), true, GeneratorScoring.Progress.NONE);
        double fid = Fid.distance(result.statistics().toFidStatistics(), reference);
        double isMean = result.inceptionScore().mean();
        double isStd = result.inceptionScore().std();
        csv.append(String.format(Locale.ROOT, "eval,%d,%d,,,%.6f,%.6f,%.6f,%.1f,%.1f%n", dStep, gStep, isMean, isStd,
                fid, progress.seconds(), result.seconds()));
        writeCsv();
        writeSamples(g, dir.resolve("samples").resolve(String.format(Locale.ROOT, "g%07d.png", gStep)));
        GeneratorCheckpoint.save(dir.resolve("last.safetensors"), g, dataset, dStep, gStep, eval, isMean, isStd, fid);
        if (fid < bestFid) {
            bestFid = fid;
            bestStep = gStep;
            GeneratorCheckpoint.save(dir.resolve("best.safetensors"), g, dataset, dStep, gStep, eval, isMean, isStd, fid);
        }
        progress.update(gStep, totalGSteps, String.format(Locale.ROOT,
                "eval: IS %.3f +- %.3f, FID %.4f (%s; %d images, %.1f s); best FID %.4f at G step %d", isMean, isStd,
                fid, scorer.fidMode(), eval.images(), result.seconds(), bestFid, bestStep), true);
    }

    private void writeSamples(Generator g, Path file) throws IOException {
        boolean wasTraining = g.isTraining();
        g.train(false);
        try {
            ImageGrid.write(file, g.forward(sampleZ));
        } finally {
            g.train(wasTraining);
        }
    }

    private void writeCsv() throws IOException {
        AtomicFile.write(dir.resolve("metrics.csv"), csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    double bestFid() {
        return bestFid;
    }

    long bestStep() {
        return bestStep;
    }

    @Override
    public void close() {
        sampleZ.close();
    }
}
