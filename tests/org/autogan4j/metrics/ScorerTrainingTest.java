// ScorerTraining on a small slice of the Fashion-MNIST test set: the same seed gives bit-identical
// weights (the CPU kernels reduce in a fixed order), another seed different ones, and two epochs
// learn something (accuracy on the slice well above chance). Skips where Fashion-MNIST is missing.
package org.autogan4j.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Map;

import org.autogan4j.data.Dataset;
import org.autogan4j.data.FashionMnist;
import org.autogan4j.data.Split;
import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScorerTrainingTest {
    private static final int IMAGES = 512;
    private static final int EPOCHS = 2;
    /** Twice chance: 16 steps measure 0.31 in eval mode (BatchNorm running statistics still lag). */
    private static final double MIN_SLICE_ACCURACY = 0.2;

    private static Dataset slice;

    @BeforeEach
    void loadSlice() throws Exception {
        assumeTrue(Files.exists(FashionMnist.DEFAULT_FOLDER.resolve("t10k-images-idx3-ubyte.gz")),
                "Fashion-MNIST is not installed in " + FashionMnist.DEFAULT_FOLDER + " (apt-get install dataset-fashion-mnist)");
        if (slice == null) {
            Dataset test = FashionMnist.load(FashionMnist.DEFAULT_FOLDER, Split.TEST);
            int imageSize = test.imageSize();
            byte[] pixels = new byte[IMAGES * imageSize];
            int[] labels = new int[IMAGES];
            for (int i = 0; i < IMAGES; i++) {
                labels[i] = test.label(i);
                for (int y = 0; y < test.height(); y++) {
                    for (int x = 0; x < test.width(); x++) {
                        pixels[i * imageSize + y * test.width() + x] = (byte) test.pixel(i, 0, y, x);
                    }
                }
            }
            slice = new Dataset("fashion-mnist slice", 1, test.height(), test.width(), pixels, labels);
        }
    }

    private static float[][] trainedState(long seed, double[] accuracy) {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (FashionScorer scorer = new FashionScorer(Device.CPU)) {
            accuracy[0] = ScorerTraining.train(scorer, slice, slice, EPOCHS, seed,
                    new PrintStream(log, true, StandardCharsets.UTF_8));
            assertTrue(log.toString(StandardCharsets.UTF_8).contains("epoch " + EPOCHS + "/" + EPOCHS), log.toString());
            Map<String, Tensor> state = scorer.state();
            return state.values().stream().map(Tensor::toArray).toArray(float[][]::new);
        }
    }

    @Test
    void sameSeedSameWeightsAndItLearns() {
        double[] accuracy = new double[1];
        float[][] a = trainedState(1, accuracy);
        float[][] b = trainedState(1, new double[1]);
        float[][] c = trainedState(2, new double[1]);
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], b[i], "tensor " + i + " differs between two runs with seed 1");
        }
        assertFalse(Arrays.equals(a[0], c[0]), "seeds 1 and 2 gave the same first weight");
        System.out.printf("slice accuracy after %d epochs %.4f%n", EPOCHS, accuracy[0]);
        assertTrue(accuracy[0] > MIN_SLICE_ACCURACY, "accuracy after " + EPOCHS + " epochs " + accuracy[0]);
    }
}
