// GeneratorScoring against doing it by hand: the IS and FID statistics of n generated images equal
// those of the same z (same Rng stream) pushed through the generator in eval mode and scored in one
// batch, whatever the batch size (IS is computed over all rows; features stream into the statistics);
// the generator's mode is restored; FashionScorer.score of 32x32 images equals probabilities() and
// features(), and of 16x16 images equals scoring their bilinear 2x upsampling. evaluate() gives the FID
// against the reference with the scorer's mode and, when the reference keeps its feature rows, the KID
// of the same images (subsets capped at the smaller set), as computing them by hand does.
package org.autogan4j.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.autogan4j.data.Dataset;
import org.autogan4j.data.Datasets;
import org.autogan4j.gan.Architecture;
import org.autogan4j.gan.GanConfig;
import org.autogan4j.gan.Generator;
import org.autogan4j.nn.Rng;
import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;
import org.autogan4j.tensor.UpsampleMode;
import org.junit.jupiter.api.Test;

class GeneratorScoringTest {
    /** Batched and one-shot scoring run the same float kernels per image: only summation order differs. */
    private static final double CLOSE = 1e-9;
    private static final float FLOAT_CLOSE = 1e-5f;

    private static final GanConfig SMALL = GanConfig.fashionMnist().withSizes(1, 8, 8, 8, 4);

    @Test
    void batchedScoringEqualsScoringByHand() throws IOException {
        int n = 30;
        try (FashionScorer scorer = FashionScorer.loadDefault(Device.CPU);
                Generator g = new Generator(SMALL, Architecture.TOP1, Device.CPU, new Rng(3))) {
            g.train(true);
            GeneratorScoring.Result batched = GeneratorScoring.score(g, SMALL.latentDim(), scorer, n, 7, 10,
                    new Rng(11), true, GeneratorScoring.Progress.NONE);
            assertTrue(g.isTraining(), "the generator's mode is restored");
            float[] p;
            float[] f;
            g.train(false);
            try (Tensor z = Tensor.empty(Device.CPU, n, SMALL.latentDim())) {
                Rng rng = new Rng(11);
                float[] all = new float[n * SMALL.latentDim()];
                for (int from = 0; from < n; from += 7) {
                    int rows = Math.min(7, n - from);
                    try (Tensor part = Tensor.empty(Device.CPU, rows, SMALL.latentDim())) {
                        rng.normal(part, 0f, 1f);
                        System.arraycopy(part.toArray(), 0, all, from * SMALL.latentDim(), rows * SMALL.latentDim());
                    }
                }
                z.copyFrom(all);
                Scorer.Scores s = scorer.score(g.forward(z), Scorer.Outputs.BOTH);
                p = s.probabilities();
                f = s.features();
            }
            InceptionScore.Result is = InceptionScore.fromProbabilities(p, n, FashionScorer.CLASSES, 10);
            assertEquals(is.mean(), batched.inceptionScore().mean(), CLOSE);
            assertEquals(is.std(), batched.inceptionScore().std(), CLOSE);
            FeatureStatistics stats = new FeatureStatistics(FashionScorer.FEATURES);
            stats.add(f, n);
            assertArrayEquals(stats.mean(), batched.statistics().mean(), 1e-6);
            assertArrayEquals(stats.covariance(), batched.statistics().covariance(), 1e-6);
        }
    }

    @Test
    void scoreResizesSmallImagesAndMatchesTheOtherEntryPoints() throws IOException {
        try (FashionScorer scorer = FashionScorer.loadDefault(Device.CPU);
                Tensor small = Tensor.empty(Device.CPU, 5, 1, 16, 16);
                Tensor big = Tensor.empty(Device.CPU, 5, 1, 32, 32)) {
            new Rng(5).uniform(small, -1f, 1f);
            Device.CPU.backend().upsampleForward(small, big, UpsampleMode.BILINEAR);
            float[] expectedP = scorer.probabilities(big);
            float[] expectedF = scorer.features(big);
            Scorer.Scores direct = scorer.score(big, Scorer.Outputs.BOTH);
            assertArrayEquals(expectedP, direct.probabilities(), FLOAT_CLOSE);
            assertArrayEquals(expectedF, direct.features(), FLOAT_CLOSE);
            Scorer.Scores resized = scorer.score(small, Scorer.Outputs.BOTH);
            assertArrayEquals(expectedP, resized.probabilities(), FLOAT_CLOSE);
            assertArrayEquals(expectedF, resized.features(), FLOAT_CLOSE);
            assertEquals(5, resized.n());
        }
    }

    @Test
    void evaluateGivesFidWithItsModeAndKidLikeDoingItByHand() throws IOException {
        int n = 30;
        Dataset data = Datasets.FASHION_MNIST.load(null, 32).head(40);
        try (FashionScorer scorer = FashionScorer.loadDefault(Device.CPU);
                Generator g = new Generator(SMALL, Architecture.TOP1, Device.CPU, new Rng(3))) {
            Reference reference = ReferenceStatistics.features(data, scorer, 16, GeneratorScoring.Progress.NONE);
            assertArrayEquals(ReferenceStatistics.of(data, scorer, 16, GeneratorScoring.Progress.NONE).mean(),
                    reference.statistics().mu(), 1e-12);
            Evaluation e = GeneratorScoring.evaluate(g, SMALL.latentDim(), scorer, n, 7, 10, new Rng(11), reference,
                    GeneratorScoring.Progress.NONE);
            GeneratorScoring.Result byHand = GeneratorScoring.score(g, SMALL.latentDim(), scorer, n, 7, 10,
                    new Rng(11), GeneratorScoring.Features.ROWS, GeneratorScoring.Progress.NONE);
            assertEquals(byHand.inceptionScore(), e.inceptionScore());
            assertEquals(Fid.distance(byHand.statistics().toFidStatistics(), reference.statistics()), e.fid().value());
            assertEquals("fmnist-scorer", e.fid().mode());
            Kid.Result kid = Kid.compute(byHand.features(), reference.features(), Kid.DEFAULT_SUBSETS, n,
                    Kid.DEFAULT_SEED, Device.CPU);
            assertEquals(kid, e.kid());
            assertEquals(n, e.kid().subsetSize());
            assertEquals("fmnist-scorer", e.toMap().get("fid_mode"));
            Evaluation fidOnly = GeneratorScoring.evaluate(g, SMALL.latentDim(), scorer, n, 7, 10, new Rng(11),
                    Reference.of(reference.statistics()), GeneratorScoring.Progress.NONE);
            assertNull(fidOnly.kid());
            assertEquals(e.fid(), fidOnly.fid());
        }
    }
}
