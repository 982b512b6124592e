package org.autogan4j.search;

import java.util.Arrays;
import java.util.Locale;

import org.autogan4j.gan.Architecture;

/**
 * One scored architecture kept by MLAS top-K (spec 5): its token prefix (4, 9 or 14 ints: every
 * cell searched so far), its reward, and the controller's final LSTM state h, c (hidden) after its
 * last token, from which the next stage's controller continues.
 */
public record Candidate(int[] tokens, double reward, double[] h, double[] c) {
    public Candidate {
        tokens = tokens.clone();
        h = h.clone();
        c = c.clone();
    }

    @Override
    public int[] tokens() {
        return tokens.clone();
    }

    @Override
    public double[] h() {
        return h.clone();
    }

    @Override
    public double[] c() {
        return c.clone();
    }

    /** The full 14-int architecture: the prefix padded with zeros (cells not searched yet). */
    public Architecture architecture() {
        return MultiLevelSearch.pad(tokens);
    }

    /** The progress log's form: the tokens and the reward to 4 decimals (metrics.csv keeps it exact). */
    @Override
    public String toString() {
        return Arrays.toString(tokens) + " reward " + String.format(Locale.ROOT, "%.4f", reward);
    }
}
