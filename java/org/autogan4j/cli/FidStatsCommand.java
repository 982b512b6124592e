// `autogan4j fid-stats`: the FID reference statistics (mu, sigma) of a dataset's training images, scored
// by the dataset's scorer (Fashion-MNIST scorer, or the Inception network in the --mode convention for
// CIFAR-10 / STL-10), written as an .npz in TTUR's layout (float64 "mu" and "sigma"). Without --output it
// fills the cache that train and eval read when no --stats is given (ReferenceStatistics.defaultFile).
// Statistics of a folder of images: `autogan4j fid --save-stats FOLDER OUT.npz`.
package org.autogan4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.autogan4j.data.Dataset;
import org.autogan4j.data.Datasets;
import org.autogan4j.metrics.FeatureStatistics;
import org.autogan4j.metrics.FidMode;
import org.autogan4j.metrics.ReferenceStatistics;
import org.autogan4j.metrics.Scorer;
import org.autogan4j.metrics.Scorers;
import org.autogan4j.tensor.Device;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "fid-stats", mixinStandardHelpOptions = true,
        description = "FID reference statistics (mu, sigma) of a dataset's training images, as a TTUR-style .npz.")
final class FidStatsCommand implements Callable<Integer> {
    @Option(names = "--dataset", defaultValue = "fashion-mnist",
            description = "fashion-mnist, cifar10 or stl10 (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--data", description = "Dataset folder (default: the dataset's usual folder).")
    Path data;

    @Option(names = "--output", description = "The .npz to write (default: the cache train/eval read, "
            + "~/.cache/autogan4j/fid_stats_<dataset>_train_<size>px_<images>_<scorer>.npz).")
    Path output;

    @Option(names = "--size", description = "Image side the images are shrunk to first (default: the full size, "
            + "32, or 48 for stl10).")
    Integer size;

    @Option(names = "--images", description = "Use only the first N training images (default: all).")
    Integer images;

    @Option(names = "--batch", defaultValue = "100", description = "Images per scorer forward (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--inception-weights", description = "pytorch-fid's pt_inception-2015-12-05-6726825d.pth "
            + "(cifar10, stl10; default: -Dautogan4j.inception.weights, else ~/.cache/autogan4j/).")
    Path inceptionWeights;

    @Option(names = "--mode", defaultValue = "pytorch-fid", description = "FID convention of the Inception "
            + "features: pytorch-fid, clean or tf1 (default: ${DEFAULT-VALUE}; see docs/scoring.md).")
    String mode;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or cuda (default: ${DEFAULT-VALUE}).")
    String device;

    @Override
    public Integer call() throws IOException {
        Datasets which = Datasets.byName(dataset);
        if (output != null && !output.getFileName().toString().endsWith(".npz")) {
            throw new IllegalArgumentException("--output must name an .npz file, got " + output);
        }
        if (batch < 1 || (images != null && images < 2)) {
            throw new IllegalArgumentException("--batch must be >= 1 and --images >= 2 (a covariance needs two images)");
        }
        FidMode fidMode = FidMode.byName(mode);
        Scorers.checkAvailable(which, inceptionWeights);
        Device on = Devices.parse(device);
        Dataset train = which.load(data, size == null ? which.fullSize() : size);
        if (images != null) {
            train = train.head(images);
        }
        try (Scorer scorer = Scorers.forDataset(which, on, inceptionWeights, fidMode)) {
            Path file = output != null ? output
                    : ReferenceStatistics.defaultFile(which, train.height(), train.size(), scorer.fidMode());
            ProgressLine progress = new ProgressLine(System.err, "fid-stats", "images");
            FeatureStatistics statistics = ReferenceStatistics.of(train, scorer, batch,
                    (done, total) -> progress.update(done, total, "", false));
            statistics.toFidStatistics().save(file);
            System.out.printf("FID statistics (%s) of %d %s training images (%dx%d, %s features, %d-d) written to %s "
                    + "(%.0f s)%n", scorer.fidMode(), train.size(), which.id(), train.height(), train.width(),
                    scorer.name(), scorer.featureDim(), file, progress.seconds());
        }
        return 0;
    }
}
