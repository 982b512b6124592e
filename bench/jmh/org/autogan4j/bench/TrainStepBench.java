package org.autogan4j.bench;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.autogan4j.gan.Architecture;
import org.autogan4j.gan.Discriminator;
import org.autogan4j.gan.GanConfig;
import org.autogan4j.gan.GanTrainer;
import org.autogan4j.gan.SharedGenerator;
import org.autogan4j.nn.Rng;
import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;
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
 * One AutoGAN training iteration: a D step (dis_bs real + dis_bs fake) and a G step (gen_bs) with
 * both Adam updates and G's EMA (iteration), and the D step alone (dStep), on the shared generator
 * set to an architecture at stage 2 (32x32), a random real batch and fresh z each time.
 * {@code config} is gf/df/latent/gen_bs/dis_bs (default 64/64/64/64/32, issue 4's CPU setting; the
 * search's paper widths are 128/64/128/128/64); {@code arch} is the 14 codes joined by '-' (default
 * AutoGAN-top1, 1-0-1-1-1-0-0-1-1-1-0-1-0-3; the heaviest cells are 0-1-2-1-0-1-2-1-1-0-1-2-1-3).
 * Each step returns its loss, read back from the device, so a CUDA step is timed to its end.
 * bench/peer/train_step.py times the same steps with PyTorch; bench/train-step-table.sh runs both.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TrainStepBench {
    @Param({"cpu"})
    public String device;
    @Param({"64/64/64/64/32"})
    public String config;
    @Param({"1-0-1-1-1-0-0-1-1-1-0-1-0-3"})
    public String arch;
    @Param({"1"})
    public int channels;

    private GanConfig gan;

    private SharedGenerator generator;
    private Discriminator discriminator;
    private GanTrainer trainer;
    private Rng rng;
    private Tensor real;
    private Tensor zD;
    private Tensor zG;

    @Setup
    public void setup() {
        Device d = Device.valueOf(device.toUpperCase(Locale.ROOT));
        String[] sizes = config.split("/");
        if (sizes.length != 5) throw new IllegalArgumentException("config: gf/df/latent/gen_bs/dis_bs, not " + config);
        int gf = Integer.parseInt(sizes[0]), df = Integer.parseInt(sizes[1]), latent = Integer.parseInt(sizes[2]);
        int genBs = Integer.parseInt(sizes[3]), disBs = Integer.parseInt(sizes[4]);
        gan = new GanConfig(channels, latent, gf, df, 4, disBs, genBs, 5, 2e-4f, 0f, 0.9f, 0.999f, false);
        generator = new SharedGenerator(gan, d, new Rng(1));
        discriminator = new Discriminator(gan, d, new Rng(2));
        generator.setArch(Architecture.parse(arch.replace('-', ',')), 2);
        discriminator.setStage(2);
        trainer = new GanTrainer(gan, generator, discriminator, new Rng(3));
        rng = new Rng(4);
        real = Tensor.empty(d, gan.disBatchSize(), channels, 32, 32);
        rng.uniform(real, -1f, 1f);
        zD = Tensor.empty(d, gan.disBatchSize(), gan.latentDim());
        zG = Tensor.empty(d, gan.genBatchSize(), gan.latentDim());
    }

    @Benchmark
    public float iteration() {
        rng.normal(zD, 0f, 1f);
        float dLoss = trainer.dStep(real, zD);
        rng.normal(zG, 0f, 1f);
        return dLoss + trainer.gStep(zG);
    }

    @Benchmark
    public float dStep() {
        rng.normal(zD, 0f, 1f);
        return trainer.dStep(real, zD);
    }

    @TearDown
    public void tearDown() {
        trainer.close();
        generator.close();
        discriminator.close();
        real.close();
        zD.close();
        zG.close();
    }
}
