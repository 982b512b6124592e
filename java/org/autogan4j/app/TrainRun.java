// One `train` run in its locked folder, and the DerivedTraining listener that fills it:
// metrics.csv (a "loss" row per report with the mean D and G losses, an "eval" row per evaluation with
// IS mean/std, FID with its mode and KID of the EMA generator), samples/g<step>.png (64 EMA samples
// from one fixed z), with --tensorboard the same scalars and grids under tensorboard/,
// last.safetensors + last.json (the latest evaluated EMA generator), best.safetensors + best.json (the
// lowest finite FID so far) and, after every evaluation, the state checkpoint checkpoints/g-NNNNNNN
// (TrainState + every tensor) from which resume() continues exactly as an uninterrupted run would on
// the same device, best FID included. Every file is written atomically.
package org.autogan4j.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

import org.autogan4j.data.BatchLoader;
import org.autogan4j.data.Dataset;
import org.autogan4j.data.EndlessBatches;
import org.autogan4j.gan.DerivedTraining;
import org.autogan4j.gan.Generator;
import org.autogan4j.io.AtomicFile;
import org.autogan4j.io.Checkpoint;
import org.autogan4j.io.ImageGrid;
import org.autogan4j.metrics.Evaluation;
import org.autogan4j.metrics.GeneratorScoring;
import org.autogan4j.metrics.Kid;
import org.autogan4j.metrics.Reference;
import org.autogan4j.metrics.Scorer;
import org.autogan4j.nn.Rng;
import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;

final class TrainRun implements DerivedTraining.Listener, AutoCloseable {
    /** Samples in each grid (8x8). */
    static final int SAMPLES = 64;
    static final String CSV_HEADER = TrainJob.CSV_HEADER;
    static final String FORMAT = "autogan4j-train-3";
    /** Settings a resumed run may change: they shape no state (g_steps: `--resume --steps` extends a run). */
    static final Set<String> MAY_DIFFER = Set.of("device", "max_seconds", "g_steps");
    private static final int KEEP_CHECKPOINTS = 2;

    private final TrainSettings settings;
    private final RunFolder folder;
    private final DerivedTraining training;
    private final BatchLoader loader;
    private final Scorer scorer;
    private final Reference reference;
    private final GeneratorCheckpoint.EvalSettings eval;
    private final Log log;
    private final ProgressLine progress;
    private final RunCheckpoints checkpoints;
    private final Tensor sampleZ;
    private final TensorBoardLog board;
    private final long startNs = System.nanoTime();
    private EndlessBatches real;
    private StringBuilder csv = new StringBuilder(CSV_HEADER);
    private Double bestFid;
    private long bestStep = -1;
    private double elapsedBefore;
    private long stopAfter = Long.MAX_VALUE;

    private TrainRun(TrainSettings settings, RunFolder folder, Device device, Scorer scorer, Reference reference,
            String kidFeatures, Dataset train, Log log) throws IOException {
        this.settings = settings;
        this.folder = folder;
        this.scorer = scorer;
        this.reference = reference;
        this.eval = new GeneratorCheckpoint.EvalSettings(settings.evalImages(), settings.evalBatch(), settings.splits(),
                settings.seed() + TrainSettings.EVAL_SEED_OFFSET, settings.stats(), kidFeatures);
        this.log = log;
        this.progress = new ProgressLine(log, "train", "G steps", settings.maxSeconds());
        this.checkpoints = new RunCheckpoints(folder.resolve("checkpoints"), "g", 7, FORMAT);
        this.loader = new BatchLoader(train, settings.gan().disBatchSize(), settings.seed(), device);
        this.training = new DerivedTraining(settings.gan(), settings.architecture(), device, settings.seed());
        this.sampleZ = Tensor.empty(device, SAMPLES, settings.gan().latentDim());
        new Rng(settings.seed() + TrainSettings.SAMPLE_SEED_OFFSET).normal(sampleZ, 0f, 1f);
        this.board = TensorBoardLog.open(folder.root(), settings.tensorboard());
    }

    /**
     * A new run (settings resolved, config.json written) on the training images train, evaluated against
     * reference (its features cached in kidFeatures).
     */
    static TrainRun start(TrainSettings settings, RunFolder folder, Device device, Scorer scorer, Reference reference,
            String kidFeatures, Dataset train, Log log) throws IOException {
        TrainRun run = new TrainRun(settings, folder, device, scorer, reference, kidFeatures, train, log);
        run.real = new EndlessBatches(run.loader);
        Files.createDirectories(folder.resolve("samples"));
        Files.createDirectories(folder.resolve("checkpoints"));
        return run;
    }

    /** The run of folder continued from its newest checkpoint that fits settings; refused when it had finished. */
    static TrainRun resume(TrainSettings settings, RunFolder folder, Device device, Scorer scorer, Reference reference,
            String kidFeatures, Dataset train, Log log) throws IOException {
        TrainRun run = new TrainRun(settings, folder, device, scorer, reference, kidFeatures, train, log);
        try {
            RunCheckpoints.Restored<TrainState> r = run.checkpoints.restoreNewest(TrainState.class, settings,
                    MAY_DIFFER, run::restore, log);
            long done = r.state().training().gSteps();
            if (settings.gSteps() <= done) {
                throw new IllegalArgumentException(folder.root() + (r.state().finished() ? " already finished" : " is past "
                        + "its step target") + " (G step " + done + "); extend it with --resume " + folder.root()
                        + " --steps N (N > " + done + "), or start a new run with another --out");
            }
            log.info("resuming " + folder.root() + " after G step " + r.state().training().gSteps() + " ("
                    + run.checkpoints.file(r.number()).getFileName() + ")");
        } catch (IOException | RuntimeException e) {
            run.close();
            throw e;
        }
        return run;
    }

    private void restore(Path file, TrainState s) throws IOException {
        Path metrics = folder.resolve("metrics.csv");
        String text = Files.isRegularFile(metrics) ? Files.readString(metrics, StandardCharsets.US_ASCII) : "";
        if (text.length() < s.metricsLength() || !text.startsWith(CSV_HEADER)) {
            throw new IllegalArgumentException(metrics + " is missing or shorter (" + text.length()
                    + " bytes) than the checkpoint recorded (" + s.metricsLength() + " bytes)");
        }
        Checkpoint.readInto(file, training.restore(s.training()));
        if (real != null) {
            real.close();
        }
        real = new EndlessBatches(loader, s.dataEpoch(), s.dataBatch());
        csv = new StringBuilder(text.substring(0, (int) s.metricsLength()));
        bestFid = s.bestFid();
        bestStep = s.bestStep();
        elapsedBefore = s.elapsedS();
    }

    /** Trains to the end (the step target or the time budget). */
    TrainJob.Outcome run() throws Exception {
        return runUntil(Long.MAX_VALUE);
    }

    /** Trains until the checkpoint at or after G step stop (as a kill right after it would), or the end. */
    TrainJob.Outcome runUntil(long stop) throws Exception {
        stopAfter = stop;
        double budget = settings.maxSeconds() > 0 ? Math.max(Double.MIN_VALUE, settings.maxSeconds() - elapsedBefore) : 0;
        training.run(real, settings.gSteps(), settings.evalEvery(), settings.logEvery(), budget, this);
        if (training.gSteps() < stopAfter) {
            progress.finish(training.gSteps(), settings.gSteps(), training.gSteps() < settings.gSteps()
                    ? "(the time budget ended the run)" : "");
        }
        return new TrainJob.Outcome(folder.root(), training.generator().arch().toString(), settings.archSource(),
                training.gSteps(), training.dSteps(), bestFid, scorer.fidMode(), bestStep);
    }

    @Override
    public void losses(long dStep, long gStep, double dLoss, double gLoss) throws IOException {
        csv.append(String.format(Locale.ROOT, "loss,%d,%d,%.6f,%.6f,,,,,,,%.1f,%n", dStep, gStep, dLoss, gLoss,
                elapsed()));
        writeCsv();
        board.scalars(gStep, new String[] {"loss/d", "loss/g", "train/lr"}, dLoss, gLoss,
                (double) settings.gan().lr());
        if (gStep < settings.gSteps()) {
            progress.update(gStep, settings.gSteps(), String.format(Locale.ROOT, "(d %d) d_loss %.4f g_loss %.4f",
                    dStep, dLoss, gLoss));
        }
    }

    @Override
    public void evaluate(long dStep, long gStep) throws IOException {
        Generator g = training.generator();
        Evaluation e = GeneratorScoring.evaluate(g, g.config().latentDim(), scorer, eval.images(), eval.batch(),
                eval.splits(), new Rng(eval.seed()), reference, GeneratorScoring.Progress.NONE);
        double fid = e.fid().value();
        Kid.Result kid = e.kid();
        csv.append(String.format(Locale.ROOT, "eval,%d,%d,,,%.6f,%.6f,%.6f,%s,%s,%s,%.1f,%.1f%n", dStep, gStep,
                e.inceptionScore().mean(), e.inceptionScore().std(), fid, e.fid().mode(),
                kid == null ? "" : String.format(Locale.ROOT, "%.8f", kid.mean()),
                kid == null ? "" : String.format(Locale.ROOT, "%.8f", kid.std()), elapsed(), e.seconds()));
        writeCsv();
        ImageGrid.Encoded grid = samples(g);
        AtomicFile.write(folder.resolve("samples").resolve(String.format(Locale.ROOT, "g%07d.png", gStep)), grid.png());
        board.scalars(gStep, new String[] {"eval/is_mean", "eval/is_std", "eval/fid", "eval/kid"},
                e.inceptionScore().mean(), e.inceptionScore().std(), fid, kid == null ? null : kid.mean());
        board.image(gStep, "samples", grid);
        GeneratorCheckpoint.save(folder.resolve("last.safetensors"), g, settings.archSource(), settings.datasets(),
                dStep, gStep, eval, e);
        if (Double.isFinite(fid) && (bestFid == null || fid < bestFid)) {
            bestFid = fid;
            bestStep = gStep;
            GeneratorCheckpoint.save(folder.resolve("best.safetensors"), g, settings.archSource(), settings.datasets(),
                    dStep, gStep, eval, e);
        }
        log.info(String.format(Locale.ROOT, "G step %d: %s (%d images, %.1f s); best FID %s", gStep, e.format(),
                eval.images(), e.seconds(), bestFid == null ? "none yet"
                        : String.format(Locale.ROOT, "%.4f (%s) at G step %d", bestFid, e.fid().mode(), bestStep)));
    }

    @Override
    public boolean afterEvaluation(long dStep, long gStep, boolean last) throws IOException {
        TrainState state = new TrainState(elapsed(), csv.length(), real.epoch(), real.batch(), bestFid, bestStep, last,
                training.state());
        checkpoints.save(gStep, training.tensors(), settings, state, KEEP_CHECKPOINTS);
        return gStep < stopAfter;
    }

    /** The EMA generator's grid of the fixed sample z (eval mode). */
    private ImageGrid.Encoded samples(Generator g) throws IOException {
        boolean wasTraining = g.isTraining();
        g.train(false);
        try {
            return ImageGrid.encode(g.forward(sampleZ));
        } finally {
            g.train(wasTraining);
        }
    }

    private void writeCsv() throws IOException {
        AtomicFile.write(folder.resolve("metrics.csv"), csv.toString().getBytes(StandardCharsets.US_ASCII));
    }

    private double elapsed() {
        return elapsedBefore + (System.nanoTime() - startNs) / 1e9;
    }

    @Override
    public void close() throws IOException {
        try {
            board.close();
            sampleZ.close();
            if (real != null) {
                real.close();
            }
            training.close();
        } finally {
            folder.close();
        }
    }
}
