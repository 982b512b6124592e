// What scores images for the Inception Score, FID and KID: a classifier whose softmax gives IS and whose
// features give FID and KID. InceptionScorer (the 2015 Inception network, for CIFAR-10, STL-10 and image
// folders) and FashionScorer (Fashion-MNIST) implement it. Two kinds of input: generated images
// (n, c, h, w) in [-1, 1] on the scorer's device, as generators output them, and uint8 images on the
// host (datasets, image files). Either may have any size: the scorer resizes as its convention says.
package org.autogan4j.metrics;

import org.autogan4j.tensor.Tensor;

public interface Scorer extends AutoCloseable {
    /** What a caller needs: the IS probabilities, the FID/KID features, or both. */
    enum Outputs {
        PROBABILITIES, FEATURES, BOTH;

        public boolean probabilities() {
            return this != FEATURES;
        }

        public boolean features() {
            return this != PROBABILITIES;
        }
    }

    /** Probabilities (n, classes) and features (n, featureDim) of n images, row-major; null where not asked. */
    record Scores(int n, float[] probabilities, float[] features) {
    }

    /** A short name for logs and reports ("fmnist-scorer", "inception-v3"). */
    String name();

    /** The convention its features follow, written next to every FID ("pytorch-fid", "clean", "tf1", or name()). */
    String fidMode();

    /** Image channels it takes (1 or 3). */
    int channels();

    /** Width of the softmax (IS). */
    int classes();

    /** Width of the features (FID, KID). */
    int featureDim();

    /** Scores of generated images (n, channels(), h, w) in [-1, 1] on the scorer's device, in eval mode. */
    Scores score(Tensor images, Outputs outputs);

    /** Scores of uint8 images (n, channels(), h, w) on the host, in eval mode. */
    Scores score(Uint8Batch images, Outputs outputs);

    @Override
    void close();
}
