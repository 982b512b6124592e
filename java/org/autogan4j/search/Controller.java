package org.autogan4j.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The AutoGAN RNN controller of one stage (spec 4): an LSTMCell(hidden, hidden), an embedding of
 * sum(tokens) rows (10, 12, 14 for stages 0, 1, 2) and one Linear(hidden -> n_k) decoder per token
 * of the cell searched at that stage. Step 0 reads a zero vector; step k > 0 reads embedding row
 * a_{k-1} + sum_{j<k-1} n_j. Each step's logits go through softmax and one multinomial draw.
 * Plain double arrays on the CPU (the controller is tiny); backward is BPTT by hand through the
 * whole sampled sequence.
 */
public final class Controller {
    /** The hidden (and embedding) size of the original. */
    public static final int HIDDEN = 100;
    /** Options per token of the cell searched at each stage (spec 1.1): C, N, U, SC[, skip]. */
    private static final int[][] TOKENS = {{2, 3, 3, 2}, {2, 3, 3, 2, 2}, {2, 3, 3, 2, 4}};

    private final int stage;
    private final int hidden;
    private final int[] tokens;
    private final LstmCell lstm;
    /** (sum(tokens), hidden). */
    private final ParamArray encoder;
    /** Per token k: weight (n_k, hidden) and bias (n_k). */
    private final List<ParamArray> decoderWeights = new ArrayList<>();
    private final List<ParamArray> decoderBiases = new ArrayList<>();

    /** A controller of HIDDEN units for stage (0, 1, 2), initialised from rng. */
    public Controller(int stage, CounterRng rng) {
        this(stage, HIDDEN, rng);
    }

    /** PyTorch's default init: LSTM U(+-1/sqrt(hidden)), embedding N(0, 1), Linear U(+-1/sqrt(fanIn)). */
    public Controller(int stage, int hidden, CounterRng rng) {
        if (stage < 0 || stage > 2) {
            throw new IllegalArgumentException("controller stage must be 0, 1 or 2 (cell 1, 2 or 3), got " + stage);
        }
        if (hidden <= 0) {
            throw new IllegalArgumentException("controller hidden size must be positive, got " + hidden);
        }
        this.stage = stage;
        this.hidden = hidden;
        this.tokens = TOKENS[stage].clone();
        this.lstm = new LstmCell(hidden, hidden, rng);
        this.encoder = new ParamArray("encoder.weight", Arrays.stream(tokens).sum(), hidden);
        for (int k = 0; k < encoder.size(); k++) {
            encoder.value()[k] = rng.normal();
        }
        double bound = 1.0 / Math.sqrt(hidden);
        for (int k = 0; k < tokens.length; k++) {
            ParamArray w = new ParamArray("decoders." + k + ".weight", tokens[k], hidden);
            ParamArray b = new ParamArray("decoders." + k + ".bias", tokens[k]);
            for (ParamArray p : List.of(w, b)) {
                for (int e = 0; e < p.size(); e++) {
                    p.value()[e] = rng.uniform(-bound, bound);
                }
            }
            decoderWeights.add(w);
            decoderBiases.add(b);
        }
    }

    /** Options per token of the cell this controller searches (spec 1.1). */
    public static int[] tokensOfStage(int stage) {
        return TOKENS[stage].clone();
    }

    public int stage() {
        return stage;
    }

    public int hidden() {
        return hidden;
    }

    public int[] tokens() {
        return tokens.clone();
    }

    /** Every parameter, under the original's state_dict names. */
    public List<ParamArray> parameters() {
        List<ParamArray> out = new ArrayList<>(lstm.parameters());
        out.add(encoder);
        for (int k = 0; k < tokens.length; k++) {
            out.add(decoderWeights.get(k));
            out.add(decoderBiases.get(k));
        }
        return out;
    }

    public void zeroGrad() {
        parameters().forEach(ParamArray::zeroGrad);
    }

    /** Samples one sequence from the zero state (stage 0). */
    public ControllerSample sample(CounterRng rng) {
        return run(null, rng, new double[hidden], new double[hidden]);
    }

    /** Samples one sequence from state h0, c0 (hidden each; MLAS: a parent's final state), zero input first. */
    public ControllerSample sample(CounterRng rng, double[] h0, double[] c0) {
        return run(null, rng, checkState("h0", h0), checkState("c0", c0));
    }

    /** The same pass with the tokens given instead of drawn: their log-probabilities and entropies. */
    public ControllerSample evaluate(int[] chosen, double[] h0, double[] c0) {
        if (chosen.length != tokens.length) {
            throw new IllegalArgumentException("stage " + stage + " has " + tokens.length + " tokens, got "
                    + chosen.length + ": " + Arrays.toString(chosen));
        }
        for (int k = 0; k < chosen.length; k++) {
            if (chosen[k] < 0 || chosen[k] >= tokens[k]) {
                throw new IllegalArgumentException("token " + k + " is " + chosen[k] + " but must be in 0.."
                        + (tokens[k] - 1));
            }
        }
        return run(chosen, null, checkState("h0", h0), checkState("c0", c0));
    }

    private ControllerSample run(int[] chosen, CounterRng rng, double[] h0, double[] c0) {
        int t = tokens.length;
        int[] out = new int[t];
        double[] logProbs = new double[t];
        double[] entropies = new double[t];
        List<LstmCell.Step> steps = new ArrayList<>();
        List<double[]> probs = new ArrayList<>();
        List<double[]> logSoftmax = new ArrayList<>();
        double[] x = new double[hidden];
        double[] h = h0.clone();
        double[] c = c0.clone();
        int offset = 0;
        for (int k = 0; k < t; k++) {
            LstmCell.Step step = lstm.forward(x, h, c);
            h = step.hOut();
            c = step.cOut();
            double[] logits = decode(k, h);
            double[] logP = logSoftmax(logits);
            double[] p = new double[logP.length];
            double entropy = 0;
            for (int j = 0; j < p.length; j++) {
                p[j] = Math.exp(logP[j]);
                entropy -= p[j] * logP[j];
            }
            out[k] = chosen != null ? chosen[k] : rng.categorical(p);
            logProbs[k] = logP[out[k]];
            entropies[k] = entropy;
            steps.add(step);
            probs.add(p);
            logSoftmax.add(logP);
            x = Arrays.copyOfRange(encoder.value(), (offset + out[k]) * hidden, (offset + out[k] + 1) * hidden);
            offset += tokens[k];
        }
        return new ControllerSample(out, logProbs, entropies, steps, probs, logSoftmax);
    }

    /**
     * Accumulates d(loss)/d(every parameter) given dLogProbs = d(loss)/d(log pi_k) and
     * dEntropies = d(loss)/d(H_k) (T each), tokens held fixed; the initial state gets no gradient.
     */
    public void backward(ControllerSample s, double[] dLogProbs, double[] dEntropies) {
        int t = tokens.length;
        if (dLogProbs.length != t || dEntropies.length != t || s.steps.size() != t) {
            throw new IllegalArgumentException("backward needs " + t + " log-prob and entropy gradients and a sample "
                    + "of this stage, got " + dLogProbs.length + ", " + dEntropies.length + " and " + s.steps.size());
        }
        int[] chosen = s.tokens();
        double[] dhNext = new double[hidden];
        double[] dcNext = new double[hidden];
        int[] offsets = new int[t];
        for (int k = 1; k < t; k++) {
            offsets[k] = offsets[k - 1] + tokens[k - 1];
        }
        for (int k = t - 1; k >= 0; k--) {
            double[] p = s.probs.get(k);
            double[] logP = s.logSoftmax.get(k);
            double entropy = s.entropies()[k];
            double[] dLogits = new double[p.length];
            for (int j = 0; j < p.length; j++) {
                double oneHot = j == chosen[k] ? 1 : 0;
                dLogits[j] = dLogProbs[k] * (oneHot - p[j]) - dEntropies[k] * p[j] * (logP[j] + entropy);
            }
            LstmCell.Step step = s.steps.get(k);
            double[] dh = decodeBackward(k, step.hOut(), dLogits);
            for (int u = 0; u < hidden; u++) {
                dh[u] += dhNext[u];
            }
            LstmCell.StepGrad g = lstm.backward(step, dh, dcNext);
            if (k > 0) {
                int row = (offsets[k - 1] + chosen[k - 1]) * hidden;
                for (int u = 0; u < hidden; u++) {
                    encoder.grad()[row + u] += g.dx()[u];
                }
            }
            dhNext = g.dh();
            dcNext = g.dc();
        }
    }

    /** h (hidden) -> logits (n_k). */
    private double[] decode(int k, double[] h) {
        double[] w = decoderWeights.get(k).value();
        double[] b = decoderBiases.get(k).value();
        double[] logits = new double[tokens[k]];
        for (int j = 0; j < logits.length; j++) {
            double s = b[j];
            for (int u = 0; u < hidden; u++) {
                s += w[j * hidden + u] * h[u];
            }
            logits[j] = s;
        }
        return logits;
    }

    /** dLogits (n_k) -> accumulates the decoder's gradients, returns dh (hidden). */
    private double[] decodeBackward(int k, double[] h, double[] dLogits) {
        double[] w = decoderWeights.get(k).value();
        double[] wGrad = decoderWeights.get(k).grad();
        double[] bGrad = decoderBiases.get(k).grad();
        double[] dh = new double[hidden];
        for (int j = 0; j < dLogits.length; j++) {
            bGrad[j] += dLogits[j];
            for (int u = 0; u < hidden; u++) {
                wGrad[j * hidden + u] += dLogits[j] * h[u];
                dh[u] += w[j * hidden + u] * dLogits[j];
            }
        }
        return dh;
    }

    private static double[] logSoftmax(double[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : logits) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (double v : logits) {
            sum += Math.exp(v - max);
        }
        double logSum = max + Math.log(sum);
        double[] out = new double[logits.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = logits[j] - logSum;
        }
        return out;
    }

    private double[] checkState(String name, double[] v) {
        if (v == null || v.length != hidden) {
            throw new IllegalArgumentException(name + " must have the controller's hidden size " + hidden + ", got "
                    + (v == null ? "null" : v.length));
        }
        return v;
    }
}
