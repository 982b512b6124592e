// `autogan4j search` as a job: a new search into a run directory, or the continuation of a killed one.
// Everything is checked before the run directory is created: every setting (SearchSettings.validate),
// the device, an unused output folder, the scorer's weights, the dataset (loaded); a set-up that
// still fails afterwards removes the directory again. Resuming locks the directory first, then reads
// its config.json (an optional --device override aside) and continues from the newest checkpoint that
// fits (SearchRun.resume).
package org.autogan4j.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.autogan4j.data.Dataset;
import org.autogan4j.gan.Architecture;
import org.autogan4j.metrics.Scorer;
import org.autogan4j.metrics.Scorers;
import org.autogan4j.report.TrainCommand;
import org.autogan4j.tensor.Device;

public final class SearchJob {
    /**
     * A finished search: its run directory, the final top-1 (codes, search reward, FID with its mode,
     * null when not finite), the search's seconds and the train command of the top-1.
     */
    public record Outcome(Path root, String top1, String rewardLabel, double reward, Double fid, String fidMode,
            double seconds, String trainCommand) {
        /** The summary the command prints: time, top-1 with its scores, where the results are, the next command. */
        public String summary() {
            return String.format(Locale.ROOT, "search finished in %s; final top-1 %s (reward %s %.3f, FID %s); "
                    + "results in %s%ntrain it: %s", SearchProgress.time(seconds), top1, rewardLabel, reward,
                    fid == null ? "none" : String.format(Locale.ROOT, "%.4f (%s)", fid, fidMode), root, trainCommand);
        }
    }

    private SearchJob() {
    }

    /** Runs a new search with settings into out; inceptionWeights may be null; progress goes to log. */
    public static Outcome start(SearchSettings settings, Path out, Path inceptionWeights, Log log) throws IOException {
        settings.validate();
        Device device = DeviceChoice.resolve(settings.device());
        RunFolder.requireUnused(out, "search");
        Scorers.checkAvailable(settings.datasets(), inceptionWeights);
        Dataset images = trainingImages(settings);
        try (Scorer scorer = Scorers.forDataset(settings.datasets(), device, inceptionWeights)) {
            SearchRunDirectory dir = SearchRunDirectory.create(out, settings, log);
            SearchRun run;
            try {
                run = SearchRun.start(settings, dir, device, scorer, images, log);
            } catch (IOException | RuntimeException e) {
                dir.deleteCreated();
                throw e;
            }
            log.info("search " + settings.preset() + " on " + settings.dataset() + " (" + device
                    + "), run directory " + out);
            try (run) {
                return outcome(run.run(), run, settings, out);
            }
        }
    }

    /** Continues the search in root; device (may be null) overrides its config.json's device. */
    public static Outcome resume(Path root, String device, Path inceptionWeights, Log log) throws IOException {
        try (SearchRunDirectory dir = SearchRunDirectory.open(root, log)) {
            if (dir.finished()) {
                throw new IllegalArgumentException(root + " already finished (it has topk.json); start a new search "
                        + "with another --out");
            }
            SearchSettings settings = SearchSettings.load(dir.config());
            try {
                settings = (device == null ? settings : settings.with("device", device)).validate();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(dir.config() + ": " + e.getMessage(), e);
            }
            Device on = DeviceChoice.resolve(settings.device());
            Scorers.checkAvailable(settings.datasets(), inceptionWeights);
            Dataset images = trainingImages(settings);
            try (Scorer scorer = Scorers.forDataset(settings.datasets(), on, inceptionWeights);
                    SearchRun run = SearchRun.resume(settings, dir, on, scorer, images, log)) {
                return outcome(run.run(), run, settings, root);
            }
        }
    }

    private static Outcome outcome(List<SearchRunDirectory.Ranked> top, SearchRun run, SearchSettings settings,
            Path root) {
        SearchRunDirectory.Ranked first = top.get(0);
        return new Outcome(root, Architecture.of(first.arch()).toString(), SearchReward.label(settings), first.reward(),
                first.fid(), first.fidMode(), run.elapsed(), TrainCommand.of(root, RecordJson.write(settings)));
    }

    /** The full-size training images the search uses (the first data_limit of them when that is > 0). */
    static Dataset trainingImages(SearchSettings settings) throws IOException {
        Dataset full = settings.datasets().load(settings.dataFolder(), settings.datasets().fullSize());
        return settings.dataLimit() > 0 ? full.head(settings.dataLimit()) : full;
    }
}
