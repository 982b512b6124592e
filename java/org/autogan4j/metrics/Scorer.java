// What scores generated images for the Inception Score and FID: a classifier whose softmax gives IS
// and whose features give FID. FashionScorer (Fashion-MNIST) and InceptionScorer (pytorch-fid's
// InceptionV3, for CIFAR-10 and STL-10) implement it. Images are what generators output and the data
// layer gives: (n, c, h, w) in [-1, 1] at any size; the scorer resizes them as it needs (the way the
// original's Inception graph upsamples 8x8 and 16x16 search images internally).
package org.autogan4j.metrics;

import org.autogan4j.tensor.Tensor;

public interface Scorer extends AutoCloseable {
    /** Probabilities (n, classes) and features (n, featureDim) of n images, row-major. */
    record Scores(int n, float[] probabilities, float[] features) {
    }

    /** A short name for logs and reports ("fmnist-scorer", "inception-v3"). */
    String name();

    /** Image channels it takes (1 or 3). */
    int channels();

    /** Width of the softmax (IS). */
    int classes();

    /** Width of the features (FID). */
    int featureDim();

    /** Scores of images (n, channels(), h, w) in [-1, 1], in eval mode. */
    Scores score(Tensor images);

    @Override
    void close();
}
