package org.autogan4j.bench;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.autogan4j.gan.Architecture;
import org.autogan4j.gan.GanConfig;
import org.autogan4j.gan.SharedGenerator;
import org.autogan4j.metrics.FashionScorer;
import org.autogan4j.metrics.GeneratorScoring;
import org.autogan4j.nn.Rng;
import org.autogan4j.tensor.Device;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One search reward (spec 7: IS on 5,000 images): the shared generator of the fmnist preset
 * (GanConfig.fashionMnist()) set to AutoGAN-top1 at stage 2 (32x32) generates 5,000 images from fresh
 * z in batches of `batch` (100, the original's, and 500, the fmnist preset's) in eval mode, and the committed Fashion-MNIST scorer scores them; one operation
 * is one whole evaluation (generation + scoring + IS over 10 splits). Weights are the initial ones:
 * the cost does not depend on their values.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RewardBench {
    private static final int IMAGES = 5_000;
    private static final int SPLITS = 10;

    /** "cpu", or "cuda" with -p device=cuda. */
    @Param({"cpu"})
    public String device;

    /** Images per generator + scorer forward: 100 as the original, 500 as the fmnist preset's eval_batch. */
    @Param({"100", "500"})
    public int batch;

    private GanConfig config;
    private SharedGenerator generator;
    private FashionScorer scorer;

    @Setup
    public void setup() throws IOException {
        Device d = Device.valueOf(device.toUpperCase(Locale.ROOT));
        config = GanConfig.fashionMnist();
        generator = new SharedGenerator(config, d, new Rng(1));
        generator.setArch(Architecture.TOP1, 2);
        scorer = FashionScorer.loadDefault(d);
    }

    @Benchmark
    public double reward() {
        return GeneratorScoring.score(generator, config.latentDim(), scorer, IMAGES, batch, SPLITS, new Rng(4), false,
                GeneratorScoring.Progress.NONE).inceptionScore().mean();
    }

    @TearDown
    public void tearDown() {
        scorer.close();
        generator.close();
    }
}
