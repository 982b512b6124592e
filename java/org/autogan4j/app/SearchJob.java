// `autogan4j search` as a job: a new search into a run directory, or the continuation of a killed one.
// Everything is checked before the run directory is created: every setting (SearchSettings.validate),
// the device, an unused output folder, the scorer's weights, the dataset (loaded); a set-up that
// still fails afterwards removes the directory again. Resuming locks the directory first, then reads
// its config.json (an optional --device override aside) and continues from the newest checkpoint that
// fits (SearchRun.resume).
package org.autogan4j.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

import org.autogan4j.data.Dataset;
import org.autogan4j.metrics.Scorer;
import org.autogan4j.metrics.Scorers;
import org.autogan4j.tensor.Device;

public final class SearchJob {
    private SearchJob() {
    }

    /** Runs a new search with settings into out; inceptionWeights may be null; progress goes to log. */
    public static void start(SearchSettings settings, Path out, Path inceptionWeights, PrintStream log,
            boolean terminal) throws IOException {
        settings.validate();
        Device device = DeviceChoice.resolve(settings.device());
        RunFolder.requireUnused(out, "search");
        Scorers.checkAvailable(settings.datasets(), inceptionWeights);
        Dataset images = trainingImages(settings);
        try (Scorer scorer = Scorers.forDataset(settings.datasets(), device, inceptionWeights)) {
            SearchRunDirectory dir = SearchRunDirectory.create(out, settings, log);
            SearchRun run;
            try {
                run = SearchRun.start(settings, dir, device, scorer, images, log, terminal);
            } catch (IOException | RuntimeException e) {
                dir.deleteCreated();
                throw e;
            }
            log.println("search " + settings.preset() + " on " + settings.dataset() + " (" + device
                    + "), run directory " + out);
            try (run) {
                run.run();
            }
        }
    }

    /** Continues the search in root; device (may be null) overrides its config.json's device. */
    public static void resume(Path root, String device, Path inceptionWeights, PrintStream log, boolean terminal)
            throws IOException {
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
                    SearchRun run = SearchRun.resume(settings, dir, on, scorer, images, log, terminal)) {
                run.run();
            }
        }
    }

    /** The full-size training images the search uses (the first data_limit of them when that is > 0). */
    static Dataset trainingImages(SearchSettings settings) throws IOException {
        Dataset full = settings.datasets().load(settings.dataFolder(), settings.datasets().fullSize());
        return settings.dataLimit() > 0 ? full.head(settings.dataLimit()) : full;
    }
}
