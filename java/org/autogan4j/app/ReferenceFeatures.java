// The KID reference of train, eval and the search's final candidates: the scorer's feature vector of
// every training image in use, as torch-fidelity keeps its reference features. Scoring 60,000
// Fashion-MNIST or 50,000 CIFAR-10 images is a pass over the whole dataset, so the rows are cached beside
// the FID statistics, <cache>/fid_features_<dataset>_train_<size>px_<images>_<tag>.safetensors (one F32
// tensor "features" (images, dim)), computed once and read back by every later run and by eval.
package org.autogan4j.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.autogan4j.data.Dataset;
import org.autogan4j.data.Datasets;
import org.autogan4j.io.SafeTensors;
import org.autogan4j.metrics.FeatureRows;
import org.autogan4j.metrics.FeatureStatistics;
import org.autogan4j.metrics.Reference;
import org.autogan4j.metrics.ReferenceStatistics;
import org.autogan4j.metrics.Scorer;
import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;

final class ReferenceFeatures {
    private static final String NAME = "features";

    private ReferenceFeatures() {
    }

    /** The cache file of the features of train (the training images in use) in the scorer's mode. */
    static Path file(Datasets dataset, Dataset train, Scorer scorer) {
        Path stats = ReferenceStatistics.defaultFile(dataset, train.height(), train.size(), scorer.fidMode());
        String name = stats.getFileName().toString();
        return stats.resolveSibling("fid_features_" + name.substring("fid_stats_".length(), name.length() - ".npz".length())
                + ".safetensors");
    }

    /**
     * The features of every image of train: read from the cache, else computed (progress to log) and
     * saved there; also the statistics file statsFile when it is given and missing (the same pass).
     */
    static FeatureRows resolve(Datasets dataset, Dataset train, Scorer scorer, Path statsFile, Log log)
            throws IOException {
        Path file = file(dataset, train, scorer);
        if (Files.isRegularFile(file)) {
            return load(file, scorer);
        }
        ProgressLine progress = new ProgressLine(log, "reference features", "images");
        Reference reference = ReferenceStatistics.features(train, scorer, ReferenceStatistics.BATCH,
                (done, total) -> progress.update(done, total, ""));
        FeatureRows rows = reference.features();
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Tensor t = Tensor.of(Device.CPU, every(rows), rows.count(), rows.dim())) {
            SafeTensors.write(file, Map.of(NAME, t), Map.of("scorer", scorer.name(), "fid_mode", scorer.fidMode(),
                    "dataset", dataset.id()));
        }
        if (statsFile != null && !Files.isRegularFile(statsFile)) {
            reference.statistics().save(statsFile);
        }
        return rows;
    }

    /** rows with their FID statistics (computed from them): what the search's final candidates are scored against. */
    static Reference reference(FeatureRows rows) {
        FeatureStatistics statistics = new FeatureStatistics(rows.dim());
        statistics.add(every(rows), rows.count());
        return new Reference(statistics.toFidStatistics(), rows);
    }

    /** Every row of rows, (count, dim) row-major. */
    private static float[] every(FeatureRows rows) {
        int[] all = new int[rows.count()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return rows.gather(all);
    }

    /** The features cached in file, which must be scorer's width. */
    static FeatureRows load(Path file, Scorer scorer) throws IOException {
        Map<String, Tensor> tensors = SafeTensors.read(file, Device.CPU);
        try {
            Tensor t = tensors.get(NAME);
            if (t == null || tensors.size() != 1 || t.shape().rank() != 2 || t.dim(1) != scorer.featureDim()) {
                throw new IllegalArgumentException("the KID reference features " + file + " are not one (images, "
                        + scorer.featureDim() + ") tensor \"" + NAME + "\" of " + scorer.name() + " features; delete "
                        + "the file and they are computed again");
            }
            FeatureRows rows = new FeatureRows(t.dim(1));
            rows.add(t.toArray(), t.dim(0));
            return rows;
        } finally {
            tensors.values().forEach(Tensor::close);
        }
    }
}
