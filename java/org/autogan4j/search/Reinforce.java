package org.autogan4j.search;

import java.util.Arrays;

/**
 * REINFORCE for one stage's controller (spec 4): a moving-average baseline (decay 0.9, first step
 * b = R), an entropy bonus of 1e-3, and the controller's Adam (lr 3.5e-4, betas (0.0, 0.9)). The
 * caller samples and scores; step(sample, reward) turns that into one controller update.
 *
 * Default (clean) loss: R = reward + 1e-3 * sum_k H_k (the SUM of the per-token entropies, the
 * same total the original's sum_k adv_k carries), treated as a constant reward; b = 0.9 b + 0.1 R
 * (updated before use, as in the original, so adv = R - b = 0.9 (R - b_old)); loss = -(sum_k log
 * pi_k) * (R - b). The baseline persists across search iterations.
 *
 * originalQuirks = true reproduces models_search/functions.py with ctrl_sample_batch = 1: per-token
 * rewards R_k = reward + 1e-3 H_k with H_k NOT detached, a per-token baseline b_k = 0.9 b_k.detach()
 * + 0.1 R_k (R_k attached), adv_k = R_k - b_k, and the (1 x T) * (T x 1) broadcast summed to
 * loss = -(sum_j log pi_j) * (sum_k adv_k); so the entropies get the gradient
 * -(sum_j log pi_j) * 1e-3 * 0.9 (zero on a first step, where adv = R - R). The baseline is reset to
 * None at every beginIteration(), i.e. every call of train_controller.
 */
public final class Reinforce {
    public static final double BASELINE_DECAY = 0.9;
    public static final double ENTROPY_COEFF = 1e-3;

    /** The loss value, its gradients d/d(log pi_k) and d/d(H_k) (T each), and the updated baseline. */
    public record Loss(double value, double[] dLogProbs, double[] dEntropies, double[] baseline, double advantage) {
    }

    private final Controller controller;
    private final ArrayAdam adam;
    private final boolean originalQuirks;
    /** null = None; length 1 (clean) or T (quirks). */
    private double[] baseline;

    /** REINFORCE on controller with a fresh controller Adam (spec 4). */
    public Reinforce(Controller controller, boolean originalQuirks) {
        this.controller = controller;
        this.adam = new ArrayAdam(controller.parameters());
        this.originalQuirks = originalQuirks;
    }

    public Controller controller() {
        return controller;
    }

    public ArrayAdam adam() {
        return adam;
    }

    public boolean originalQuirks() {
        return originalQuirks;
    }

    /** Call at the start of every train_controller (search iteration): the quirk resets the baseline. */
    public void beginIteration() {
        if (originalQuirks) {
            baseline = null;
        }
    }

    /** One controller update from a sample of this controller and its reward (e.g. the IS). */
    public Loss step(ControllerSample sample, double reward) {
        Loss loss = loss(sample.logProbs(), sample.entropies(), reward, baseline, originalQuirks);
        baseline = loss.baseline();
        controller.zeroGrad();
        controller.backward(sample, loss.dLogProbs(), loss.dEntropies());
        adam.step();
        return loss;
    }

    /** The baseline state (null = None) for checkpoints. */
    public double[] baseline() {
        return baseline == null ? null : baseline.clone();
    }

    /** Restores a checkpointed baseline (null = None). */
    public void restoreBaseline(double[] saved) {
        int expected = originalQuirks ? controller.tokens().length : 1;
        if (saved != null && saved.length != expected) {
            throw new IllegalArgumentException("baseline must have " + expected + " value(s) ("
                    + (originalQuirks ? "per token, originalQuirks" : "scalar, clean loss") + "), got " + saved.length);
        }
        baseline = saved == null ? null : saved.clone();
    }

    /** The loss of one sample: logProbs and entropies (T), the reward, the baseline before it (null = None). */
    public static Loss loss(double[] logProbs, double[] entropies, double reward, double[] baseline, boolean quirks) {
        int t = logProbs.length;
        if (entropies.length != t) {
            throw new IllegalArgumentException("need one entropy per log-prob, got " + entropies.length + " and " + t);
        }
        double sumLogP = 0;
        double sumH = 0;
        for (int k = 0; k < t; k++) {
            sumLogP += logProbs[k];
            sumH += entropies[k];
        }
        boolean first = baseline == null;
        if (!first && baseline.length != (quirks ? t : 1)) {
            throw new IllegalArgumentException("baseline must have " + (quirks ? t + " values (per token, originalQuirks)"
                    : "1 value (clean loss)") + ", got " + baseline.length);
        }
        double[] dLogProbs = new double[t];
        double[] dEntropies = new double[t];
        if (!quirks) {
            double r = reward + ENTROPY_COEFF * sumH;
            double b = first ? r : BASELINE_DECAY * baseline[0] + (1 - BASELINE_DECAY) * r;
            double adv = r - b;
            Arrays.fill(dLogProbs, -adv);
            return new Loss(-sumLogP * adv, dLogProbs, dEntropies, new double[] {b}, adv);
        }
        double[] b = new double[t];
        double sumAdv = 0;
        for (int k = 0; k < t; k++) {
            double r = reward + ENTROPY_COEFF * entropies[k];
            b[k] = first ? r : BASELINE_DECAY * baseline[k] + (1 - BASELINE_DECAY) * r;
            sumAdv += r - b[k];
        }
        double dAdvDH = first ? 0 : ENTROPY_COEFF * BASELINE_DECAY;
        for (int k = 0; k < t; k++) {
            dLogProbs[k] = -sumAdv;
            dEntropies[k] = -sumLogP * dAdvDH;
        }
        return new Loss(-sumLogP * sumAdv, dLogProbs, dEntropies, b, sumAdv);
    }
}
