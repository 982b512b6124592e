// `autogan4j fid-stats` as a job: the FID reference statistics (mu, sigma) of a dataset's training
// images, scored by the dataset's scorer (Fashion-MNIST scorer, or the Inception network in the chosen
// FID mode for CIFAR-10 / STL-10), written as an .npz in TTUR's layout. Without an output file it fills the cache
// that train and eval read when no --stats is given (ReferenceStatistics.defaultFile). Every flag is
// checked before the dataset is read.
package org.autogan4j.app;

import java.io.IOException;
import java.nio.file.Path;

import org.autogan4j.data.Dataset;
import org.autogan4j.data.Datasets;
import org.autogan4j.metrics.FeatureStatistics;
import org.autogan4j.metrics.FidMode;
import org.autogan4j.metrics.ReferenceStatistics;
import org.autogan4j.metrics.Scorer;
import org.autogan4j.metrics.Scorers;
import org.autogan4j.tensor.Device;

public final class FidStatsJob {
    /** The fid-stats flags; null output, size and images mean the defaults. */
    public record Request(String dataset, Path data, Path output, Integer size, Integer images, int batch,
            Path inceptionWeights, String mode, String device) {
    }

    /** What was written. */
    public record Written(int images, String dataset, int height, int width, String scorer, int featureDim,
            String fidMode, Path file, double seconds) {
    }

    private FidStatsJob() {
    }

    public static Written run(Request r, Log log) throws IOException {
        Datasets which = Datasets.byName(r.dataset());
        if (r.output() != null && !r.output().getFileName().toString().endsWith(".npz")) {
            throw new IllegalArgumentException("--output must name an .npz file, got " + r.output());
        }
        SettingChecks.count("--batch", r.batch(), 1, SettingChecks.MAX_EVAL_BATCH);
        if (r.images() != null) {
            SettingChecks.count("--images (a covariance needs two)", r.images(), 2, Integer.MAX_VALUE);
        }
        int size = r.size() == null ? which.fullSize() : r.size();
        SettingChecks.count("--size", size, 1, which.fullSize());
        FidMode fidMode = FidMode.byName(r.mode());
        Scorers.checkAvailable(which, r.inceptionWeights());
        Device on = DeviceChoice.resolve(r.device());
        Dataset train = which.load(r.data(), size);
        if (r.images() != null) {
            train = train.head(r.images());
        }
        try (Scorer scorer = Scorers.forDataset(which, on, r.inceptionWeights(), fidMode)) {
            Path file = r.output() != null ? r.output()
                    : ReferenceStatistics.defaultFile(which, train.height(), train.size(), scorer.fidMode());
            ProgressLine progress = new ProgressLine(log, "fid-stats", "images");
            FeatureStatistics statistics = ReferenceStatistics.of(train, scorer, r.batch(),
                    (done, total) -> progress.update(done, total, ""));
            statistics.toFidStatistics().save(file);
            return new Written(train.size(), which.id(), train.height(), train.width(), scorer.name(),
                    scorer.featureDim(), scorer.fidMode(), file, progress.seconds());
        }
    }
}
