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
 * One AutoGAN training iteration (issue 4): a D step (dis_bs 32 real + 32 fake) and a G step
 * (gen_bs 64) with both Adam updates and G's EMA, on the shared generator set to AutoGAN-top1 at
 * stage 2, gf 64, df 64, latent 64, 1-channel 32x32, a random real batch and fresh z each time.
 * bench/peer/train_step.py times the same iteration with PyTorch.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TrainStepBench {
    private static final GanConfig CONFIG = new GanConfig(1, 64, 64, 64, 4, 32, 64, 5, 2e-4f, 0f, 0.9f, 0.999f);

    @Param({"cpu"})
    public String device;

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
        generator = new SharedGenerator(CONFIG, d, new Rng(1));
        discriminator = new Discriminator(CONFIG, d, new Rng(2));
        generator.setArch(Architecture.TOP1, 2);
        discriminator.setStage(2);
        trainer = new GanTrainer(CONFIG, generator, discriminator, new Rng(3));
        rng = new Rng(4);
        real = Tensor.empty(d, CONFIG.disBatchSize(), 1, 32, 32);
        rng.uniform(real, -1f, 1f);
        zD = Tensor.empty(d, CONFIG.disBatchSize(), CONFIG.latentDim());
        zG = Tensor.empty(d, CONFIG.genBatchSize(), CONFIG.latentDim());
    }

    @Benchmark
    public float iteration() {
        rng.normal(zD, 0f, 1f);
        float dLoss = trainer.dStep(real, zD);
        rng.normal(zG, 0f, 1f);
        return dLoss + trainer.gStep(zG);
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
