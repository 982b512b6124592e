// Which Scorer measures IS, FID and KID for a dataset: the committed Fashion-MNIST scorer for
// fashion-mnist (Inception does not fit 1-channel clothing), the 2015 Inception network for cifar10 and
// stl10 (weights file looked up by InceptionWeightsFile), whose IS is always the original TF1 one and
// whose FID features follow the chosen FidMode (pytorch-fid unless asked otherwise).
package org.autogan4j.metrics;

import java.io.IOException;
import java.nio.file.Path;

import org.autogan4j.data.Datasets;
import org.autogan4j.tensor.Device;

public final class Scorers {
    /** The FID mode of train, eval and fid-stats unless a flag picks another. */
    public static final FidMode DEFAULT_FID_MODE = FidMode.PYTORCH_FID;

    private Scorers() {
    }

    /** The scorer of dataset on device with the default FID mode; inceptionWeights (may be null) is the flag. */
    public static Scorer forDataset(Datasets dataset, Device device, Path inceptionWeights) throws IOException {
        return forDataset(dataset, device, inceptionWeights, DEFAULT_FID_MODE);
    }

    /** The scorer of dataset on device; fidMode applies to the Inception scorer (Fashion-MNIST has its own). */
    public static Scorer forDataset(Datasets dataset, Device device, Path inceptionWeights, FidMode fidMode)
            throws IOException {
        if (dataset == Datasets.FASHION_MNIST) {
            return FashionScorer.loadDefault(device);
        }
        return InceptionScorer.load(device, inceptionWeights, fidMode);
    }

    /**
     * What names the cached statistics of dataset, known without loading the scorer: "fmnist-scorer",
     * "inception-v3" (pytorch-fid mode, the name earlier caches have) or "inception-v3-<mode>"; fidMode is
     * a Scorer's fidMode().
     */
    public static String statisticsTag(Datasets dataset, String fidMode) {
        if (dataset == Datasets.FASHION_MNIST) {
            return "fmnist-scorer";
        }
        return FidMode.byName(fidMode) == FidMode.PYTORCH_FID ? "inception-v3" : "inception-v3-" + fidMode;
    }

    /** Fails early (before any work) when the scorer of dataset needs a weights file that is missing. */
    public static void checkAvailable(Datasets dataset, Path inceptionWeights) throws IOException {
        if (dataset != Datasets.FASHION_MNIST) {
            InceptionWeightsFile.require(inceptionWeights);
        }
    }
}
