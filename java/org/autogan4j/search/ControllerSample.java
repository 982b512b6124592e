package org.autogan4j.search;

import java.util.List;

/**
 * One sequence from a {@link Controller}: the tokens (T), log pi of each chosen token (T), the
 * entropy H_k = -sum p log p of each step's distribution (T), and the final LSTM state h, c (hidden)
 * after the last token, which MLAS hands to the next stage's controller. It also keeps the
 * trajectory (LSTM steps and softmax outputs) that Controller.backward needs.
 */
public final class ControllerSample {
    private final int[] tokens;
    private final double[] logProbs;
    private final double[] entropies;
    final List<LstmCell.Step> steps;
    /** Per step: the softmax (n_k) and its log. */
    final List<double[]> probs;
    final List<double[]> logSoftmax;

    ControllerSample(int[] tokens, double[] logProbs, double[] entropies, List<LstmCell.Step> steps,
            List<double[]> probs, List<double[]> logSoftmax) {
        this.tokens = tokens;
        this.logProbs = logProbs;
        this.entropies = entropies;
        this.steps = steps;
        this.probs = probs;
        this.logSoftmax = logSoftmax;
    }

    public int[] tokens() {
        return tokens.clone();
    }

    public double[] logProbs() {
        return logProbs.clone();
    }

    public double[] entropies() {
        return entropies.clone();
    }

    /** Sum of the per-token log-probabilities: log of the probability of the whole sequence. */
    public double logProb() {
        double s = 0;
        for (double v : logProbs) {
            s += v;
        }
        return s;
    }

    /** Final hidden state (hidden). */
    public double[] h() {
        return steps.get(steps.size() - 1).hOut().clone();
    }

    /** Final cell state (hidden). */
    public double[] c() {
        return steps.get(steps.size() - 1).cOut().clone();
    }
}
