// The FID (and KID) reference of a dataset: mean and covariance of its scorer's features over its
// training images (what TTUR's fid_stats_cifar10_train.npz holds for CIFAR-10, in mode tf1), computed
// batch by batch from the images' uint8 pixels, and the cached default that train and eval use when no
// --stats file is given: <cache>/fid_stats_<dataset>_train_<size>px_<images>_<tag>.npz, where <cache>
// is ~/.cache/autogan4j or the folder named by the system property autogan4j.cache and <tag> names the
// scorer and FID mode (Scorers.statisticsTag).
package org.autogan4j.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.autogan4j.data.Dataset;
import org.autogan4j.data.Datasets;

public final class ReferenceStatistics {
    /** The system property naming the cache folder. */
    public static final String CACHE_PROPERTY = "autogan4j.cache";
    /** Images per scorer forward. */
    public static final int BATCH = 100;

    private ReferenceStatistics() {
    }

    /** Feature statistics of every image of data, scored in batches of batch. */
    public static FeatureStatistics of(Dataset data, Scorer scorer, int batch, GeneratorScoring.Progress progress) {
        return collect(data, scorer, batch, false, progress).statistics;
    }

    /** Statistics and feature rows (for KID) of every image of data, scored in batches of batch. */
    public static Reference features(Dataset data, Scorer scorer, int batch, GeneratorScoring.Progress progress) {
        Collected c = collect(data, scorer, batch, true, progress);
        return new Reference(c.statistics.toFidStatistics(), c.rows);
    }

    private record Collected(FeatureStatistics statistics, FeatureRows rows) {
    }

    private static Collected collect(Dataset data, Scorer scorer, int batch, boolean keepRows,
            GeneratorScoring.Progress progress) {
        if (data.channels() != scorer.channels()) {
            throw new IllegalArgumentException(scorer.name() + " scores " + scorer.channels() + "-channel images but "
                    + data.name() + " has " + data.channels());
        }
        FeatureStatistics statistics = new FeatureStatistics(scorer.featureDim());
        FeatureRows rows = keepRows ? new FeatureRows(scorer.featureDim()) : null;
        int n = data.size();
        for (int from = 0; from < n; from += batch) {
            int count = Math.min(batch, n - from);
            float[] features = scorer.score(Uint8Batch.fromDataset(data, from, count), Scorer.Outputs.FEATURES)
                    .features();
            statistics.add(features, count);
            if (rows != null) {
                rows.add(features, count);
            }
            progress.done(from + count, n);
        }
        return new Collected(statistics, rows);
    }

    /** The cache folder: -Dautogan4j.cache, else ~/.cache/autogan4j. */
    public static Path cacheFolder() {
        String property = System.getProperty(CACHE_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "autogan4j");
    }

    /** The cached default statistics file of the first images training images of dataset at size px. */
    public static Path defaultFile(Datasets dataset, int size, int images, String fidMode) {
        return cacheFolder().resolve("fid_stats_" + dataset.id() + "_train_" + size + "px_" + images + "_"
                + Scorers.statisticsTag(dataset, fidMode) + ".npz");
    }

    /**
     * The reference statistics file to use: flag when given, else the cached default of train (the
     * training images in use) in the scorer's FID mode, computed and saved first when it does not exist yet.
     */
    public static Path resolve(Path flag, Datasets dataset, Dataset train, Scorer scorer,
            GeneratorScoring.Progress progress) throws IOException {
        if (flag != null) {
            return flag;
        }
        Path file = defaultFile(dataset, train.height(), train.size(), scorer.fidMode());
        if (!Files.isRegularFile(file)) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            of(train, scorer, BATCH, progress).toFidStatistics().save(file);
        }
        return file;
    }

    /** The statistics in file, which must be of scorer's feature width. */
    public static FidStatistics load(Path file, Scorer scorer) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("the FID reference statistics " + file + " do not exist; make them with "
                    + "`autogan4j fid-stats --output " + file + "` or pass --stats FILE");
        }
        FidStatistics statistics = FidStatistics.load(file);
        if (statistics.dim() != scorer.featureDim()) {
            throw new IllegalArgumentException("the FID reference statistics " + file + " are " + statistics.dim()
                    + "-d but " + scorer.name() + " gives " + scorer.featureDim() + "-d features; they were made with "
                    + "another scorer");
        }
        return statistics;
    }
}
