// The committed Fashion-MNIST scorer (models/fmnist-scorer.safetensors, found by loadDefault) on the
// real test set: its accuracy, the Inception Score of the real images through it, FID between the
// two halves of the test set (small) and between test images and uniform noise (large). Skips where
// the Fashion-MNIST files are not installed; fails where the weights are missing.
package org.autogan4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.autogan4j.data.Dataset;
import org.autogan4j.data.FashionMnist;
import org.autogan4j.data.Split;
import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FashionScorerTest {
    /** The floor for the scorer's accuracy on the 10,000 test images. */
    private static final double MIN_ACCURACY = 0.92;
    /** A sanity floor for the real test set's IS (10 classes: at most 10). */
    private static final double MIN_REAL_IS = 5;
    /** About twice the measured FID between the test set's halves (1.366 with the committed weights). */
    private static final double MAX_HALVES_FID = 2.8;
    /** Far beyond the halves' FID; the committed weights measure 898.8 for this noise. */
    private static final double MIN_NOISE_FID = 100;
    /** Uniform noise images scored against the test set. */
    private static final int NOISE_IMAGES = 2000;
    /** Probabilities are a softmax: every row sums to 1 up to float rounding. */
    private static final double ROW_SUM_TOLERANCE = 1e-5;

    private static Dataset test;
    private static FashionScorer scorer;
    private static float[] testFeatures;

    @BeforeEach
    void loadOnce() throws Exception {
        assumeTrue(Files.exists(FashionMnist.DEFAULT_FOLDER.resolve("t10k-images-idx3-ubyte.gz")),
                "Fashion-MNIST is not installed in " + FashionMnist.DEFAULT_FOLDER + " (apt-get install dataset-fashion-mnist)");
        if (scorer == null) {
            test = FashionMnist.load(FashionMnist.DEFAULT_FOLDER, Split.TEST);
            scorer = FashionScorer.loadDefault(Device.CPU);
            testFeatures = scorer.features(test);
        }
    }

    private static FidStatistics statistics(float[] features, int fromRow, int toRow) {
        int dim = FashionScorer.FEATURES;
        FeatureStatistics stats = new FeatureStatistics(dim);
        stats.add(Arrays.copyOfRange(features, fromRow * dim, toRow * dim), toRow - fromRow);
        return stats.toFidStatistics();
    }

    @Test
    void classifiesTheTestSet() {
        double accuracy = scorer.accuracy(test);
        System.out.printf("Fashion-MNIST scorer test accuracy %.4f%n", accuracy);
        assertTrue(accuracy >= MIN_ACCURACY, "test accuracy " + accuracy + " < " + MIN_ACCURACY);
    }

    @Test
    void realTestSetHasAHighInceptionScore() {
        float[] p = scorer.probabilities(test);
        for (int row = 0; row < 10; row++) {
            double sum = 0;
            for (int k = 0; k < FashionScorer.CLASSES; k++) {
                sum += p[row * FashionScorer.CLASSES + k];
            }
            assertEquals(1, sum, ROW_SUM_TOLERANCE);
        }
        InceptionScore.Result is = InceptionScore.fromProbabilities(p, test.size(), FashionScorer.CLASSES);
        System.out.printf("Fashion-MNIST test set IS %.4f +- %.4f%n", is.mean(), is.std());
        assertTrue(is.mean() > MIN_REAL_IS, "IS of the real test set " + is.mean() + " <= " + MIN_REAL_IS);
    }

    @Test
    void halvesOfTheTestSetAreCloseAndNoiseIsFar() {
        int half = test.size() / 2;
        double halves = Fid.distance(statistics(testFeatures, 0, half), statistics(testFeatures, half, test.size()));
        float[] noise = new float[NOISE_IMAGES * FashionScorer.SIZE * FashionScorer.SIZE];
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) (random.nextDouble() * 2 - 1);
        }
        float[] noiseFeatures;
        try (Tensor x = Tensor.of(Device.CPU, noise, NOISE_IMAGES, 1, FashionScorer.SIZE, FashionScorer.SIZE)) {
            noiseFeatures = scorer.features(x);
        }
        double toNoise = Fid.distance(statistics(testFeatures, 0, test.size()), statistics(noiseFeatures, 0, NOISE_IMAGES));
        System.out.printf("Fashion-MNIST FID test halves %.4f, test vs noise %.4f%n", halves, toNoise);
        assertTrue(halves < MAX_HALVES_FID, "FID between the test set's halves " + halves + " >= " + MAX_HALVES_FID);
        assertTrue(toNoise > MIN_NOISE_FID, "FID between the test set and noise " + toNoise + " <= " + MIN_NOISE_FID);
    }

    @Test
    void wrongImageShapesAreRejected() {
        try (Tensor rgb = Tensor.zeros(Device.CPU, 2, 3, 32, 32); Tensor small = Tensor.zeros(Device.CPU, 2, 1, 28, 28)) {
            assertThrows(IllegalArgumentException.class, () -> scorer.probabilities(rgb));
            assertThrows(IllegalArgumentException.class, () -> scorer.features(small));
        }
    }
}
