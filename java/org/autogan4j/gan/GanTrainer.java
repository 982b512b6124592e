package org.autogan4j.gan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.autogan4j.nn.Layer;
import org.autogan4j.nn.Rng;
import org.autogan4j.optim.Adam;
import org.autogan4j.optim.Ema;
import org.autogan4j.tensor.HingeKind;
import org.autogan4j.tensor.Tensor;

/**
 * Hinge-GAN training as the original's train_shared / train (spec 3): every call of {@link #step}
 * is one D step on a real batch and as many fakes from a fresh z; after the D steps numbered 0, 5,
 * 10, ... (n_critic = 5, counted globally) comes one G step of gen_bs, then the EMA update of G's
 * parameters. Adam for both. The generator is any Layer z -> image (a {@link SharedGenerator} set
 * to an architecture and stage, or a {@link Generator}); the caller keeps D's stage in step.
 * Everything runs in train mode. z is drawn from an {@link Rng} on the tensors' device. Its
 * checkpoint is tensors() (G.*, D.* with their buffers, adam_g.* / adam_d.* moments, ema.* averages)
 * and counters() (with the EMA's update count, which its warm-up needs); restore(counters) returns the same names as live tensors to fill.
 */
public final class GanTrainer implements AutoCloseable {
    /** The losses of one {@link #step}; gLoss is NaN when no G step ran. */
    public record StepResult(float dLoss, float gLoss) {
    }

    /** The scalar checkpoint state: the D-step counter, each Adam's step count per parameter name, the EMA's updates. */
    public record Counters(long dSteps, Map<String, Integer> adamGSteps, Map<String, Integer> adamDSteps,
            long emaUpdates) {
        public Counters {
            adamGSteps = Collections.unmodifiableMap(new LinkedHashMap<>(adamGSteps));
            adamDSteps = Collections.unmodifiableMap(new LinkedHashMap<>(adamDSteps));
        }
    }

    private final GanConfig config;
    private final Layer generator;
    private final Discriminator discriminator;
    private final Rng rng;
    private final Adam adamG;
    private final Adam adamD;
    private final Ema ema;
    private final HingeLoss hinge;
    private Tensor zD;
    private Tensor zG;
    private long dSteps;

    /** Starts the optimisers and the EMA from the networks' current weights. */
    public GanTrainer(GanConfig config, Layer generator, Discriminator discriminator, Rng rng) {
        this.config = config;
        this.generator = generator;
        this.discriminator = discriminator;
        this.rng = rng;
        this.adamG = new Adam(new ArrayList<>(generator.namedParameters().values()), config.lr(), config.beta1(),
                config.beta2(), Adam.DEFAULT_EPS);
        this.adamD = new Adam(new ArrayList<>(discriminator.namedParameters().values()), config.lr(), config.beta1(),
                config.beta2(), Adam.DEFAULT_EPS);
        this.ema = new Ema(generator.namedParameters(), config.emaDecay(), config.emaWarmup());
        this.hinge = new HingeLoss(generator.device());
        generator.train(true);
        discriminator.train(true);
    }

    /** One D step on real (n,c,R,R) with n fresh z, then the G step when it is due. */
    public StepResult step(Tensor real) {
        zD = fresh(zD, real.dim(0));
        float dLoss = dStep(real, zD);
        float gLoss = Float.NaN;
        if (dSteps % config.nCritic() == 0) {
            zG = fresh(zG, config.genBatchSize());
            gLoss = gStep(zG);
        }
        dSteps++;
        return new StepResult(dLoss, gLoss);
    }

    /** Runs steps D steps on batches from data; returns the last result. */
    public StepResult run(Iterator<Tensor> data, int steps) {
        StepResult last = null;
        for (int i = 0; i < steps; i++) {
            if (!data.hasNext()) {
                throw new IllegalStateException("the data ran out after " + i + " of " + steps + " steps");
            }
            last = step(data.next());
        }
        return last;
    }

    /** D step: fake = G(z) (no G gradient); L_D = hinge REAL(D(real)) + FAKE(D(fake)); D Adam step. */
    public float dStep(Tensor real, Tensor z) {
        adamD.zeroGrad();
        Tensor fake = generator.forward(z);
        Tensor scores = discriminator.forward(real);
        float lossReal = hinge.forward(scores, HingeKind.REAL);
        discriminator.backward(hinge.backward(scores, HingeKind.REAL));
        scores = discriminator.forward(fake);
        float lossFake = hinge.forward(scores, HingeKind.FAKE);
        discriminator.backward(hinge.backward(scores, HingeKind.FAKE));
        adamD.step();
        return lossReal + lossFake;
    }

    /** G step: L_G = -mean(D(G(z))); D passes the gradient through but keeps none; G Adam step; EMA. */
    public float gStep(Tensor z) {
        adamG.zeroGrad();
        Tensor image = generator.forward(z);
        Tensor scores = discriminator.forward(image);
        float loss = hinge.forward(scores, HingeKind.GEN);
        discriminator.setRequiresGrad(false);
        try {
            generator.backward(discriminator.backward(hinge.backward(scores, HingeKind.GEN)));
        } finally {
            discriminator.setRequiresGrad(true);
        }
        adamG.step();
        ema.update();
        return loss;
    }

    private Tensor fresh(Tensor z, int n) {
        if (z == null || z.dim(0) != n) {
            if (z != null) {
                z.close();
            }
            z = Tensor.empty(generator.device(), n, config.latentDim());
        }
        rng.normal(z, 0f, 1f);
        return z;
    }

    /** D steps done so far (the original's global step counter). */
    public long dSteps() {
        return dSteps;
    }

    /** Continues the D-step counter from a checkpoint (it decides when G steps are due). */
    public void restoreDSteps(long steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("D-step count must be >= 0, got " + steps);
        }
        dSteps = steps;
    }

    /** Every checkpoint tensor by name (live tensors: do not close). */
    public Map<String, Tensor> tensors() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        put(out, "G.", generator.stateDict());
        put(out, "D.", discriminator.stateDict());
        put(out, "adam_g.", adamG.moments(generator.namedParameters()));
        put(out, "adam_d.", adamD.moments(discriminator.namedParameters()));
        put(out, "ema.", ema.averages());
        return out;
    }

    public Counters counters() {
        return new Counters(dSteps, adamG.stepCounts(generator.namedParameters()),
                adamD.stepCounts(discriminator.namedParameters()), ema.updates());
    }

    /**
     * Restores saved's counters and returns the tensors a checkpoint with them holds, by tensors()'s
     * names, as live tensors to fill (the Adam moments of the parameters saved names, zero until filled).
     */
    public Map<String, Tensor> restore(Counters saved) {
        restoreDSteps(saved.dSteps());
        ema.restoreUpdates(saved.emaUpdates());
        Map<String, Tensor> out = new LinkedHashMap<>();
        put(out, "G.", generator.stateDict());
        put(out, "D.", discriminator.stateDict());
        put(out, "adam_g.", adamG.restoreTargets(generator.namedParameters(), saved.adamGSteps()));
        put(out, "adam_d.", adamD.restoreTargets(discriminator.namedParameters(), saved.adamDSteps()));
        put(out, "ema.", ema.averages());
        return out;
    }

    private static void put(Map<String, Tensor> out, String prefix, Map<String, Tensor> tensors) {
        tensors.forEach((name, t) -> out.put(prefix + name, t));
    }

    public Ema ema() {
        return ema;
    }

    public Adam adamG() {
        return adamG;
    }

    public Adam adamD() {
        return adamD;
    }

    @Override
    public void close() {
        adamG.close();
        adamD.close();
        ema.close();
        hinge.close();
        if (zD != null) {
            zD.close();
        }
        if (zG != null) {
            zG.close();
        }
    }
}
