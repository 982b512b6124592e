// IS, FID and KID of a generator's images: n images drawn batch by batch from fresh z ~ N(0, I) with the
// generator in eval mode (BatchNorm on its running statistics, as the original's reward and evaluation
// use it), each batch scored by a Scorer and dropped, so 50,000 images never sit in memory (only their
// features, when KID needs them). The generator's train/eval mode is restored afterwards. How each
// score treats the images (uint8 quantization, resize) is the Scorer's convention.
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

    /** Which features to collect besides the IS probabilities. */
    public enum Features {
        /** IS only (the search reward). */
        NONE,
        /** FID statistics. */
        STATISTICS,
        /** FID statistics and every feature row (KID). */
        ROWS
    }

    /** IS over the splits, the feature statistics and rows (null unless asked for) and the wall time. */
    public record Result(InceptionScore.Result inceptionScore, FeatureStatistics statistics, FeatureRows features,
            double seconds) {
    }

    private GeneratorScoring() {
    }

    /** As score with Features.STATISTICS when features is true, else Features.NONE. */
    public static Result score(Layer generator, int latentDim, Scorer scorer, int n, int batch, int splits, Rng rng,
            boolean features, Progress progress) {
        return score(generator, latentDim, scorer, n, batch, splits, rng,
                features ? Features.STATISTICS : Features.NONE, progress);
    }

    /** Scores n images of generator (z of latentDim from rng) in batches of batch; IS in splits splits. */
    public static Result score(Layer generator, int latentDim, Scorer scorer, int n, int batch, int splits, Rng rng,
            Features features, Progress progress) {
        if (n < splits || batch < 1) {
            throw new IllegalArgumentException("scoring needs at least " + splits + " images (one per IS split) and a "
                    + "batch >= 1; got " + n + " images in batches of " + batch);
        }
        long start = System.nanoTime();
        boolean wasTraining = generator.isTraining();
        generator.train(false);
        float[] probabilities = new float[n * scorer.classes()];
        FeatureStatistics statistics = features != Features.NONE ? new FeatureStatistics(scorer.featureDim()) : null;
        FeatureRows rows = features == Features.ROWS ? new FeatureRows(scorer.featureDim()) : null;
        Scorer.Outputs outputs = features == Features.NONE ? Scorer.Outputs.PROBABILITIES : Scorer.Outputs.BOTH;
        Tensor z = null;
        try {
            for (int from = 0; from < n; from += batch) {
                int count = Math.min(batch, n - from);
                if (z == null || z.dim(0) != count) {
                    if (z != null) {
                        z.close();
                    }
                    z = Tensor.empty(generator.device(), count, latentDim);
                }
                rng.normal(z, 0f, 1f);
                Scorer.Scores scores = scorer.score(generator.forward(z), outputs);
                System.arraycopy(scores.probabilities(), 0, probabilities, from * scorer.classes(),
                        count * scorer.classes());
                if (statistics != null) {
                    statistics.add(scores.features(), count);
                }
                if (rows != null) {
                    rows.add(scores.features(), count);
                }
                progress.done(from + count, n);
            }
        } finally {
            if (z != null) {
                z.close();
            }
            generator.train(wasTraining);
        }
        InceptionScore.Result is = InceptionScore.fromProbabilities(probabilities, n, scorer.classes(), splits);
        return new Result(is, statistics, rows, (System.nanoTime() - start) / 1e9);
    }

    /**
     * IS, FID against reference (in the scorer's mode) and, when reference has features, KID (torch-fidelity's
     * 100 subsets, of 1,000 images or of all of them where a set is smaller) of n images of generator.
     */
    public static Evaluation evaluate(Layer generator, int latentDim, Scorer scorer, int n, int batch, int splits,
            Rng rng, Reference reference, Progress progress) {
        if (reference.statistics().dim() != scorer.featureDim()) {
            throw new IllegalArgumentException("the reference statistics are " + reference.statistics().dim() + "-d but "
                    + scorer.name() + " gives " + scorer.featureDim() + "-d features; they were made with another scorer");
        }
        long start = System.nanoTime();
        Result result = score(generator, latentDim, scorer, n, batch, splits, rng,
                reference.hasFeatures() ? Features.ROWS : Features.STATISTICS, progress);
        Fid.Result fid = new Fid.Result(Fid.distance(result.statistics().toFidStatistics(), reference.statistics()),
                scorer.fidMode());
        Kid.Result kid = null;
        if (reference.hasFeatures()) {
            int size = Math.min(Kid.DEFAULT_SUBSET_SIZE, Math.min(n, reference.features().count()));
            kid = Kid.compute(result.features(), reference.features(), Kid.DEFAULT_SUBSETS, size, Kid.DEFAULT_SEED,
                    generator.device());
        }
        return new Evaluation(result.inceptionScore(), fid, kid, n, (System.nanoTime() - start) / 1e9);
    }
}
