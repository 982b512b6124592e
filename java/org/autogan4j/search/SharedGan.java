// The GAN half of the search: the shared generator, the discriminator and their trainer (both Adams
// and G's EMA), all made from one initialisation stream so that a dynamic reset (spec 6: fresh
// xavier init, new Adams) and a resumed run draw exactly the weights an uninterrupted run draws.
// state() / restore() are the checkpoint: G.*, D.* (parameters and buffers: BN running statistics,
// spectral-norm u), adam_g.* / adam_d.* (moments), ema.* (G's averages), plus the scalar counters.
package org.autogan4j.search;

import java.util.LinkedHashMap;
import java.util.Map;

import org.autogan4j.gan.Architecture;
import org.autogan4j.gan.Discriminator;
import org.autogan4j.gan.GanConfig;
import org.autogan4j.gan.GanTrainer;
import org.autogan4j.gan.SharedGenerator;
import org.autogan4j.nn.Rng;
import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;

final class SharedGan implements AutoCloseable {
    private final GanConfig config;
    private final Device device;
    private final Rng initRng;
    private final Rng zRng;
    private SharedGenerator generator;
    private Discriminator discriminator;
    private GanTrainer trainer;

    /** Fresh networks from initRng; z of the training steps from zRng. */
    SharedGan(GanConfig config, Device device, Rng initRng, Rng zRng) {
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
    void reset() {
        long steps = trainer.dSteps();
        closeAll();
        build();
        trainer.restoreDSteps(steps);
    }

    /** Sets G to arch and both networks to stage. */
    void setArch(Architecture arch, int stage) {
        generator.setArch(arch, stage);
        discriminator.setStage(stage);
    }

    SharedGenerator generator() {
        return generator;
    }

    GanTrainer trainer() {
        return trainer;
    }

    Rng initRng() {
        return initRng;
    }

    Rng zRng() {
        return zRng;
    }

    /** Every tensor of the state, by checkpoint name (live tensors: do not close). */
    Map<String, Tensor> state() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        generator.stateDict().forEach((k, v) -> out.put("G." + k, v));
        discriminator.stateDict().forEach((k, v) -> out.put("D." + k, v));
        trainer.adamG().moments(generator.namedParameters()).forEach((k, v) -> out.put("adam_g." + k, v));
        trainer.adamD().moments(discriminator.namedParameters()).forEach((k, v) -> out.put("adam_d." + k, v));
        trainer.ema().averages().forEach((k, v) -> out.put("ema." + k, v));
        return out;
    }

    /** The scalar state: Adam step counts per parameter and the D-step counter. */
    Map<String, Object> counters() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("d_steps", trainer.dSteps());
        out.put("adam_g_steps", trainer.adamG().stepCounts(generator.namedParameters()));
        out.put("adam_d_steps", trainer.adamD().stepCounts(discriminator.namedParameters()));
        return out;
    }

    /** Loads what state() and counters() saved. */
    void restore(Map<String, Tensor> saved, Map<String, Object> counters) {
        copyInto(saved, "G.", generator.stateDict());
        copyInto(saved, "D.", discriminator.stateDict());
        copyInto(saved, "ema.", trainer.ema().averages());
        trainer.adamG().restore(generator.namedParameters(), prefixed(saved, "adam_g."),
                steps(counters.get("adam_g_steps")));
        trainer.adamD().restore(discriminator.namedParameters(), prefixed(saved, "adam_d."),
                steps(counters.get("adam_d_steps")));
        trainer.restoreDSteps(((Number) counters.get("d_steps")).longValue());
    }

    private static void copyInto(Map<String, Tensor> saved, String prefix, Map<String, Tensor> targets) {
        targets.forEach((name, t) -> {
            Tensor s = saved.get(prefix + name);
            if (s == null) {
                throw new IllegalArgumentException("the checkpoint has no tensor " + prefix + name
                        + ": it was written by a search with other sizes");
            }
            t.copyFrom(s);
        });
    }

    private static Map<String, Tensor> prefixed(Map<String, Tensor> saved, String prefix) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        saved.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }

    private static Map<String, Integer> steps(Object json) {
        Map<String, Integer> out = new LinkedHashMap<>();
        ((Map<?, ?>) json).forEach((k, v) -> out.put((String) k, ((Number) v).intValue()));
        return out;
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
