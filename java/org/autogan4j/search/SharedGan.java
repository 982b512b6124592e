// The GAN half of the search: the shared generator, the discriminator and their trainer (both Adams
// and G's EMA), all made from one initialisation stream so that a dynamic reset (spec 6: fresh
// xavier init, new Adams) and a resumed run draw exactly the weights an uninterrupted run draws.
// tensors() / counters() / restore() are the checkpoint (GanTrainer's): G.*, D.* (parameters and
// buffers: BN running statistics, spectral-norm u), adam_g.* / adam_d.* (moments), ema.* (G's
// averages), plus the scalar counters.
package org.autogan4j.search;

import java.util.Map;

import org.autogan4j.gan.Architecture;
import org.autogan4j.gan.Discriminator;
import org.autogan4j.gan.GanConfig;
import org.autogan4j.gan.GanTrainer;
import org.autogan4j.gan.SharedGenerator;
import org.autogan4j.nn.Rng;
import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;

public final class SharedGan implements AutoCloseable {
    private final GanConfig config;
    private final Device device;
    private final Rng initRng;
    private final Rng zRng;
    private SharedGenerator generator;
    private Discriminator discriminator;
    private GanTrainer trainer;

    /** Fresh networks from initRng; z of the training steps from zRng. */
    public SharedGan(GanConfig config, Device device, Rng initRng, Rng zRng) {
        this.config = config;
        this.device = device;
        this.initRng = initRng;
        this.zRng = zRng;
        build();
    }

    private void build() {
        generator = new SharedGenerator(config, device, initRng);
        discriminator = new Discriminator(config, device, initRng);
        trainer = new GanTrainer(config, generator, discriminator, zRng);
    }

    /** Dynamic reset: new G, D, Adams and EMA from the init stream; the D-step counter goes on. */
    public void reset() {
        long steps = trainer.dSteps();
        closeAll();
        build();
        trainer.restoreDSteps(steps);
    }

    /** Sets G to arch and both networks to stage. */
    public void setArch(Architecture arch, int stage) {
        generator.setArch(arch, stage);
        discriminator.setStage(stage);
    }

    public SharedGenerator generator() {
        return generator;
    }

    public GanTrainer trainer() {
        return trainer;
    }

    public Rng initRng() {
        return initRng;
    }

    public Rng zRng() {
        return zRng;
    }

    /** Every tensor of the checkpoint, by name (live tensors: do not close); see GanTrainer.tensors. */
    public Map<String, Tensor> tensors() {
        return trainer.tensors();
    }

    /** The scalar state: Adam step counts per parameter and the D-step counter. */
    public GanTrainer.Counters counters() {
        return trainer.counters();
    }

    /** Restores saved's counters and returns the checkpoint's tensors as live tensors to fill. */
    public Map<String, Tensor> restore(GanTrainer.Counters saved) {
        return trainer.restore(saved);
    }

    private void closeAll() {
        trainer.close();
        generator.close();
        discriminator.close();
    }

    @Override
    public void close() {
        closeAll();
    }
}
