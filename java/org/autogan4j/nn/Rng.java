package org.autogan4j.nn;

import org.autogan4j.tensor.Tensor;

/**
 * A random stream over the Philox kernels: every draw uses (seed, offset) and then advances offset
 * by one, so a draw of any size is reproducible from those two numbers and identical on every
 * device. Checkpoints save seed and offset.
 */
public final class Rng {
    private final long seed;
    private long offset;

    public Rng(long seed) {
        this(seed, 0);
    }

    /** A stream resumed at offset (from a checkpoint). */
    public Rng(long seed, long offset) {
        this.seed = seed;
        this.offset = offset;
    }

    /** y = uniform [low, high). */
    public void uniform(Tensor y, float low, float high) {
        y.backend().rngUniform(y, seed, offset++, low, high);
    }

    /** y = normal(mean, std). */
    public void normal(Tensor y, float mean, float std) {
        y.backend().rngNormal(y, seed, offset++, mean, std);
    }

    /** Moves the stream to a saved offset (resuming after objects drew their init from it). */
    public void restoreOffset(long saved) {
        offset = saved;
    }

    public long seed() {
        return seed;
    }

    public long offset() {
        return offset;
    }
}
