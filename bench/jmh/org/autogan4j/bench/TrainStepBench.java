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
 * set to AutoGAN-top1 at stage 2 (32x32), a random real batch and fresh z each time. The defaults are
 * issue 4's CPU setting (gf 64, df 64, latent 64, gen_bs 64, dis_bs 32, 1 channel); the search's
 * paper widths are -p gf=128 -p df=64 -p latent=128 -p genBs=128 -p disBs=64 -p channels=3. Each
 * step returns its loss, read back from the device, so a CUDA step is timed to its end.
 * bench/peer/train_step.py times the same steps with PyTorch.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TrainStepBench {
    @Param({"cpu"})
    public String device;
    @Param({"64"})
    public int gf;
    @Param({"64"})
    public int df;
    @Param({"64"})
    public int latent;
    @Param({"64"})
    public int genBs;
    @Param({"32"})
    public int disBs;
    @Param({"1"})
    public int channels;

    private GanConfig config;

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
        config = new GanConfig(channels, latent, gf, df, 4, disBs, genBs, 5, 2e-4f, 0f, 0.9f, 0.999f, false);
        generator = new SharedGenerator(config, d, new Rng(1));
        discriminator = new Discriminator(config, d, new Rng(2));
        generator.setArch(Architecture.TOP1, 2);
        discriminator.setStage(2);
        trainer = new GanTrainer(config, generator, discriminator, new Rng(3));
        rng = new Rng(4);
        real = Tensor.empty(d, config.disBatchSize(), channels, 32, 32);
        rng.uniform(real, -1f, 1f);
        zD = Tensor.empty(d, config.disBatchSize(), config.latentDim());
        zG = Tensor.empty(d, config.genBatchSize(), config.latentDim());
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
