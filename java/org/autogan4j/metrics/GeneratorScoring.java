// IS and FID features of a generator's images: n images drawn batch by batch from fresh z ~ N(0, I)
// with the generator in eval mode (BatchNorm on its running statistics, as the original's reward and
// evaluation use it), each batch scored by a Scorer and dropped, so 50,000 images never sit in memory.
// The generator's train/eval mode is restored afterwards. Images are scored as generated floats; the
// original rounds them to uint8 first (spec 7), a difference below the scores' split noise.
package org.autogan4j.metrics;

import org.autogan4j.nn.Layer;
import org.autogan4j.nn.Rng;
import org.autogan4j.tensor.Tensor;

public final class GeneratorScoring {
    /** Called after each batch with the images scored so far and the total. */
    @FunctionalInterface
    public interface Progress {
        void done(int images, int total);

        Progress NONE = (images, total) -> {
        };
    }

    /** IS over the splits, the feature statistics (null unless asked for) and the wall time. */
    public record Result(InceptionScore.Result inceptionScore, FeatureStatistics statistics, double seconds) {
    }

    private GeneratorScoring() {
    }

    /**
     * Scores n images of generator (z of latentDim from rng) in batches of batch; IS in splits splits;
     * features = true also accumulates the FID statistics.
     */
    public static Result score(Layer generator, int latentDim, Scorer scorer, int n, int batch, int splits, Rng rng,
            boolean features, Progress progress) {
        if (n < splits || batch < 1) {
            throw new IllegalArgumentException("scoring needs at least " + splits + " images (one per IS split) and a "
                    + "batch >= 1; got " + n + " images in batches of " + batch);
        }
        long start = System.nanoTime();
        boolean wasTraining = generator.isTraining();
        generator.train(false);
        float[] probabilities = new float[n * scorer.classes()];
        FeatureStatistics statistics = features ? new FeatureStatistics(scorer.featureDim()) : null;
        Tensor z = null;
        try {
            for (int from = 0; from < n; from += batch) {
                int rows = Math.min(batch, n - from);
                if (z == null || z.dim(0) != rows) {
                    if (z != null) {
                        z.close();
                    }
                    z = Tensor.empty(generator.device(), rows, latentDim);
                }
                rng.normal(z, 0f, 1f);
                Scorer.Scores scores = scorer.score(generator.forward(z));
                System.arraycopy(scores.probabilities(), 0, probabilities, from * scorer.classes(),
                        rows * scorer.classes());
                if (statistics != null) {
                    statistics.add(scores.features(), rows);
                }
                progress.done(from + rows, n);
            }
        } finally {
            if (z != null) {
                z.close();
            }
            generator.train(wasTraining);
        }
        InceptionScore.Result is = InceptionScore.fromProbabilities(probabilities, n, scorer.classes(), splits);
        return new Result(is, statistics, (System.nanoTime() - start) / 1e9);
    }
}
