package org.autogan4j.search;

/**
 * The controller's random stream: a counter-based SplitMix64 (draw n is mix(seed + n * gamma)), so
 * its whole state is (seed, counter) and a checkpoint restores it exactly. It drives the controller's
 * initial weights, its multinomial token draws and the MLAS parent picks; plain Java on the CPU,
 * because the controller is tiny.
 */
public final class CounterRng {
    private static final long GAMMA = 0x9E3779B97F4A7C15L;
    private static final double UNIT = 0x1.0p-53;

    private final long seed;
    private long counter;

    public CounterRng(long seed) {
        this(seed, 0);
    }

    /** A stream resumed at counter (from a checkpoint). */
    public CounterRng(long seed, long counter) {
        if (counter < 0) {
            throw new IllegalArgumentException("rng counter must be >= 0 (a saved counter), got " + counter);
        }
        this.seed = seed;
        this.counter = counter;
    }

    public long seed() {
        return seed;
    }

    /** The number of 64-bit draws made so far: save it with seed() to resume the stream. */
    public long counter() {
        return counter;
    }

    /** Moves the stream to a saved counter (resuming a checkpoint after objects drew their init from it). */
    public void restoreCounter(long saved) {
        if (saved < 0) {
            throw new IllegalArgumentException("rng counter must be >= 0 (a saved counter), got " + saved);
        }
        counter = saved;
    }

    public long nextLong() {
        long z = seed + (++counter) * GAMMA;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1) with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * UNIT;
    }

    /** Uniform in [low, high). */
    public double uniform(double low, double high) {
        return low + (high - low) * nextDouble();
    }

    /** Standard normal by Box-Muller (two draws per value, none cached, so the state stays a counter). */
    public double normal() {
        double u = 1.0 - nextDouble();
        double v = nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * v);
    }

    /** Uniform integer in [0, bound). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        return (int) Math.floor(nextDouble() * bound);
    }

    /** One multinomial draw from probs (non-negative, summing to 1 up to rounding). */
    public int categorical(double[] probs) {
        double u = nextDouble();
        double cumulative = 0;
        for (int i = 0; i < probs.length; i++) {
            cumulative += probs[i];
            if (u < cumulative) {
                return i;
            }
        }
        return probs.length - 1;
    }
}
