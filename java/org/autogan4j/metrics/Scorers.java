// Which Scorer measures IS and FID for a dataset: the committed Fashion-MNIST scorer for
// fashion-mnist (Inception does not fit 1-channel clothing), pytorch-fid's InceptionV3 for cifar10 and
// stl10 (weights file looked up by InceptionWeightsFile).
package org.autogan4j.metrics;

import java.io.IOException;
import java.nio.file.Path;

import org.autogan4j.data.Datasets;
import org.autogan4j.tensor.Device;

public final class Scorers {
    private Scorers() {
    }

    /** The scorer of dataset on device; inceptionWeights (may be null) is the --inception-weights flag. */
    public static Scorer forDataset(Datasets dataset, Device device, Path inceptionWeights) throws IOException {
        if (dataset == Datasets.FASHION_MNIST) {
            return FashionScorer.loadDefault(device);
        }
        return InceptionScorer.load(device, inceptionWeights);
    }

    /** The name() of the scorer of dataset, known without loading it (it names cached statistics files). */
    public static String nameFor(Datasets dataset) {
        return dataset == Datasets.FASHION_MNIST ? "fmnist-scorer" : "inception-v3";
    }

    /** Fails early (before any work) when the scorer of dataset needs a weights file that is missing. */
    public static void checkAvailable(Datasets dataset, Path inceptionWeights) throws IOException {
        if (dataset != Datasets.FASHION_MNIST) {
            InceptionWeightsFile.require(inceptionWeights);
        }
    }
}
