// `autogan4j train` as a job: trains a derived architecture from scratch (spec 3) and evaluates its EMA
// generator on the way (spec 7), or continues a killed run with resume(). Everything is checked before
// the run folder is created: every setting (TrainSettings.validate), the device, an unused --out, the
// --stats file, the scorer's weights, the dataset (loaded), the reference statistics (computed into the
// cache when missing, then checked finite); a set-up that still fails removes the folder again.
// Resuming locks the folder first, then reads its config.json (an optional --device aside) and
// continues from the newest state checkpoint that fits (TrainRun.resume); a new step target extends a
// finished run.
package org.autogan4j.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.autogan4j.data.Dataset;
import org.autogan4j.data.Datasets;
import org.autogan4j.io.AtomicFile;
import org.autogan4j.io.Json;
import org.autogan4j.metrics.FeatureRows;
import org.autogan4j.metrics.FidStatistics;
import org.autogan4j.metrics.Reference;
import org.autogan4j.metrics.ReferenceStatistics;
import org.autogan4j.metrics.Scorer;
import org.autogan4j.metrics.Scorers;
import org.autogan4j.tensor.Device;

public final class TrainJob {
    /** The first line of a train run's metrics.csv. */
    public static final String CSV_HEADER = "kind,d_step,g_step,d_loss,g_loss,is_mean,is_std,fid,fid_mode,kid_mean,kid_std,"
            + "seconds,eval_seconds\n";

    /**
     * What a run reached: the architecture trained and where it came from, steps done, and the best
     * finite FID (in fidMode) with its G step (null and -1 when none).
     */
    public record Outcome(Path folder, String arch, String archSource, long gSteps, long dSteps, Double bestFid,
            String fidMode, long bestStep) {
        /** The summary the command prints: the architecture and its source, steps, and the best FID. */
        public String summary() {
            String best = bestFid == null ? "no evaluation gave a finite FID, so no best.safetensors was written; see "
                    + folder.resolve("metrics.csv") : String.format(Locale.ROOT, "best FID %.4f (%s) at G step %d; %s",
                    bestFid, fidMode, bestStep, best());
            return String.format(Locale.ROOT, "done: %s (%s): %d G steps (%d D steps); %s", arch, archSource, gSteps,
                    dSteps, best);
        }

        /** best.safetensors (written only when some evaluation gave a finite FID). */
        public Path best() {
            return folder.resolve("best.safetensors");
        }
    }

    private TrainJob() {
    }

    /** Trains with settings into out (inceptionWeights may be null); progress goes to log. */
    public static Outcome start(TrainSettings settings, Path out, Path inceptionWeights, Log log)
            throws Exception {
        return start(settings, out, inceptionWeights, log, Long.MAX_VALUE);
    }

    /** As start, stopping after the checkpoint at or after G step stop, as a kill right after it would. */
    static Outcome start(TrainSettings settings, Path out, Path inceptionWeights, Log log, long stop)
            throws Exception {
        settings.validate();
        Device device = DeviceChoice.resolve(settings.device());
        RunFolder.requireUnused(out, "train");
        Path stats = settings.stats().isEmpty() ? null : Path.of(settings.stats());
        if (stats != null && !Files.isRegularFile(stats)) {
            throw new IllegalArgumentException("--stats " + stats + " does not exist; make it with `autogan4j fid-stats`");
        }
        Datasets which = settings.datasets();
        Scorers.checkAvailable(which, inceptionWeights);
        Dataset train = trainingImages(settings);
        try (Scorer scorer = Scorers.forDataset(which, device, inceptionWeights)) {
            Path cachedStats = stats == null ? ReferenceStatistics.defaultFile(which, train.height(), train.size(),
                    scorer.fidMode()) : null;
            FeatureRows kidRows = ReferenceFeatures.resolve(which, train, scorer, cachedStats, log);
            ProgressLine statsProgress = new ProgressLine(log, "reference statistics", "images");
            Path statsFile = ReferenceStatistics.resolve(stats, which, train, scorer,
                    (done, total) -> statsProgress.update(done, total, ""));
            FidStatistics statistics = FidReference.load(statsFile, scorer);
            int disBatch = settings.gan().disBatchSize();
            TrainSettings resolved = settings.resolved(train.size(), (train.size() + disBatch - 1) / disBatch, statsFile);
            if (ArchChoice.isOldPaperName(settings.arch())) {
                log.info(ArchChoice.TOP1_NOTE);
            }
            log.info("architecture " + resolved.arch() + " (" + resolved.archSource() + ")");
            RunFolder folder = RunFolder.create(out, "train");
            TrainRun run;
            try {
                AtomicFile.write(folder.resolve(RunFolder.CONFIG),
                        (Json.write(RecordJson.write(resolved)) + "\n").getBytes(StandardCharsets.UTF_8));
                run = TrainRun.start(resolved, folder, device, scorer, new Reference(statistics, kidRows),
                        ReferenceFeatures.file(which, train, scorer).toString(), train, log);
            } catch (Exception e) {
                folder.deleteCreated();
                throw e;
            }
            log.info(String.format(Locale.ROOT, "train on %s (%d images, %d px) with %s: %d G steps, eval every %d on "
                    + "%d images; writing %s", which.id(), train.size(), train.height(), device, resolved.gSteps(),
                    resolved.evalEvery(), resolved.evalImages(), out));
            try (run) {
                return run.runUntil(stop);
            }
        }
    }

    /** Continues the run in dir; device (may be null) overrides its config.json's device. */
    public static Outcome resume(Path dir, String device, Path inceptionWeights, Log log) throws Exception {
        return resume(dir, device, null, inceptionWeights, log);
    }

    /**
     * As resume, and when steps is not null runs to that many G steps in total instead of config.json's
     * g_steps, which a finished run is extended by (config.json is rewritten with it once the checkpoint fits).
     */
    public static Outcome resume(Path dir, String device, Long steps, Path inceptionWeights, Log log) throws Exception {
        try (RunFolder folder = RunFolder.open(dir, "train run folder", log)) {
            if (!Files.isDirectory(folder.resolve("checkpoints"))) {
                throw new IllegalArgumentException(dir + " has no checkpoints/ folder: it is not a train run, or one "
                        + "written before train could resume; start a new run with another --out");
            }
            Path config = folder.resolve(RunFolder.CONFIG);
            TrainSettings settings = TrainSettings.load(config);
            try {
                settings = (device == null ? settings : settings.with("device", device));
                settings = (steps == null ? settings : settings.with("g_steps", steps.toString())).validate();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(config + ": " + e.getMessage(), e);
            }
            Device on = DeviceChoice.resolve(settings.device());
            Scorers.checkAvailable(settings.datasets(), inceptionWeights);
            Dataset train = trainingImages(settings);
            try (Scorer scorer = Scorers.forDataset(settings.datasets(), on, inceptionWeights)) {
                FidStatistics statistics = FidReference.load(Path.of(settings.stats()), scorer);
                FeatureRows kidRows = ReferenceFeatures.resolve(settings.datasets(), train, scorer, null, log);
                log.info("architecture " + settings.arch() + " (" + settings.archSource() + ")");
                try (TrainRun run = TrainRun.resume(settings, folder, on, scorer, new Reference(statistics, kidRows),
                        ReferenceFeatures.file(settings.datasets(), train, scorer).toString(), train, log)) {
                    if (steps != null) {
                        AtomicFile.write(config, (Json.write(RecordJson.write(settings)) + "\n")
                                .getBytes(StandardCharsets.UTF_8));
                    }
                    return run.run();
                }
            }
        }
    }

    /** The training images at the generator's resolution (the first train_images of them when that is > 0). */
    static Dataset trainingImages(TrainSettings settings) throws IOException {
        Dataset images = settings.datasets().load(settings.dataFolder(), settings.gan().resolution(2));
        return settings.trainImages() > 0 ? images.head(settings.trainImages()) : images;
    }
}
