package org.autogan4j.gan;

import java.util.Iterator;
import java.util.Map;

import org.autogan4j.nn.Rng;
import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;

/**
 * Training a derived architecture from scratch (spec 3): a {@link Generator} of one fixed
 * architecture and a {@link Discriminator} at stage 2, at full resolution, hinge loss, Adam and G's
 * EMA through {@link GanTrainer}. A run is counted in G steps (the original's max_iter): D steps run
 * until the target number of G steps is done (a G step follows D steps 0, n_critic, 2 n_critic, ...).
 * Every logEvery G steps the listener gets the mean losses since the last report; every evalEvery G
 * steps and after the last one (the step target, or the first G step past a time budget) it gets an
 * evaluation call with the EMA weights swapped in (BN buffers stay the live network's, as the
 * original evaluates), then afterEvaluation with the live weights back, where a checkpoint is taken:
 * state() and tensors() hold everything a resumed run needs to continue exactly (restore()).
 * Seeds: G init seed, D init seed + 1, z seed + 2.
 */
public final class DerivedTraining implements AutoCloseable {
    /** What a run reports. */
    public interface Listener {
        /** Mean D and G losses over the D and G steps since the last report. */
        void losses(long dStep, long gStep, double dLoss, double gLoss) throws Exception;

        /** Called with the EMA weights in the generator (and restored afterwards). */
        void evaluate(long dStep, long gStep) throws Exception;

        /** After each evaluation, the live weights back (last: the run ends here); false stops the run now. */
        default boolean afterEvaluation(long dStep, long gStep, boolean last) throws Exception {
            return true;
        }
    }

    /** The scalar state: G steps, the z stream's offset, the loss sums since the last report, the trainer's counters. */
    public record State(long gSteps, long zOffset, double dLossSum, int dLosses, double gLossSum, int gLosses,
            GanTrainer.Counters trainer) {
    }

    private final GanConfig config;
    private final Generator generator;
    private final Discriminator discriminator;
    private final Rng zRng;
    private final GanTrainer trainer;
    private long gSteps;
    private double dSum;
    private double gSum;
    private int dCount;
    private int gCount;

    public DerivedTraining(GanConfig config, Architecture arch, Device device, long seed) {
        this.config = config;
        Generator g = null;
        Discriminator d = null;
        try {
            g = new Generator(config, arch, device, new Rng(seed));
            d = new Discriminator(config, device, new Rng(seed + 1));
            d.setStage(2);
            this.zRng = new Rng(seed + 2);
            this.trainer = new GanTrainer(config, g, d, zRng);
        } catch (RuntimeException e) {
            if (g != null) {
                g.close();
            }
            if (d != null) {
                d.close();
            }
            throw e;
        }
        this.generator = g;
        this.discriminator = d;
    }

    /**
     * Trains on real until gStepsTarget G steps are done in total, or, when maxSeconds > 0, until the
     * first G step that ends after maxSeconds of wall time in this call (evaluations included), which
     * then counts as the last step; see the class comment for the reports.
     */
    public void run(Iterator<Tensor> real, long gStepsTarget, long evalEvery, long logEvery, double maxSeconds,
            Listener listener) throws Exception {
        long start = System.nanoTime();
        if (evalEvery < 1 || logEvery < 1) {
            throw new IllegalArgumentException("evalEvery (" + evalEvery + ") and logEvery (" + logEvery
                    + ") must be >= 1 G steps");
        }
        while (gSteps < gStepsTarget) {
            boolean gStepDue = trainer.dSteps() % config.nCritic() == 0;
            GanTrainer.StepResult result = trainer.step(real.next());
            dSum += result.dLoss();
            dCount++;
            if (!gStepDue) {
                continue;
            }
            gSteps++;
            gSum += result.gLoss();
            gCount++;
            boolean last = gSteps == gStepsTarget
                    || (maxSeconds > 0 && (System.nanoTime() - start) / 1e9 >= maxSeconds);
            if (gSteps % logEvery == 0 || last) {
                listener.losses(trainer.dSteps(), gSteps, dSum / dCount, gSum / gCount);
                dSum = 0;
                gSum = 0;
                dCount = 0;
                gCount = 0;
            }
            if (gSteps % evalEvery == 0 || last) {
                withEma(() -> listener.evaluate(trainer.dSteps(), gSteps));
                if (!listener.afterEvaluation(trainer.dSteps(), gSteps, last)) {
                    return;
                }
            }
            if (last) {
                return;
            }
        }
    }

    /** Something run with the EMA weights in place. */
    @FunctionalInterface
    public interface EmaAction {
        void run() throws Exception;
    }

    /** Runs action with the EMA weights swapped into the generator, then swaps the live ones back. */
    public void withEma(EmaAction action) throws Exception {
        trainer.ema().swap();
        try {
            action.run();
        } finally {
            trainer.ema().swap();
        }
    }

    public State state() {
        return new State(gSteps, zRng.offset(), dSum, dCount, gSum, gCount, trainer.counters());
    }

    /** Every checkpoint tensor by name (live: do not close); see GanTrainer.tensors. */
    public Map<String, Tensor> tensors() {
        return trainer.tensors();
    }

    /** Restores saved's scalars and returns the checkpoint's tensors as live tensors to fill (GanTrainer.restore). */
    public Map<String, Tensor> restore(State saved) {
        if (saved.gSteps() < 0 || saved.dLosses() < 0 || saved.gLosses() < 0) {
            throw new IllegalArgumentException("saved training state has negative counts: " + saved);
        }
        gSteps = saved.gSteps();
        zRng.restoreOffset(saved.zOffset());
        dSum = saved.dLossSum();
        dCount = saved.dLosses();
        gSum = saved.gLossSum();
        gCount = saved.gLosses();
        return trainer.restore(saved.trainer());
    }

    public Generator generator() {
        return generator;
    }

    public long dSteps() {
        return trainer.dSteps();
    }

    public long gSteps() {
        return gSteps;
    }

    @Override
    public void close() {
        trainer.close();
        generator.close();
        discriminator.close();
    }
}
