// `autogan4j fid-stats`: the FID reference statistics (mu, sigma) of a dataset's training images, scored
// by the dataset's scorer (Fashion-MNIST scorer, or pytorch-fid's InceptionV3 for CIFAR-10 / STL-10),
// written as an .npz in TTUR's layout (float64 "mu" and "sigma"). Without --output it fills the cache
// that train and eval read when no --stats is given (app.FidStatsJob).
package org.autogan4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.autogan4j.app.FidStatsJob;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    OutputOptions messages;

    @Override
    public Integer call() throws IOException {
        FidStatsJob.Written w = FidStatsJob.run(new FidStatsJob.Request(dataset, data, output, size, images, batch,
                inceptionWeights, mode, device), messages.log());
        System.out.printf("FID statistics (%s) of %d %s training images (%dx%d, %s features, %d-d) written to %s "
                + "(%.0f s)%n", w.fidMode(), w.images(), w.dataset(), w.height(), w.width(), w.scorer(), w.featureDim(),
                w.file(), w.seconds());
        return 0;
    }
}
