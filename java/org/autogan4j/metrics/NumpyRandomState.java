// numpy's legacy np.random.RandomState(seed) (MT19937), as far as KID needs it: torch-fidelity draws
// its KID subsets with rng.choice(n, m, replace=False), which is permutation(n)[:m], and the
// permutation is a Fisher-Yates shuffle of arange(n) from the last element down, each swap index drawn
// by random_interval (the smallest all-ones mask >= i, redrawn until <= i). With the same seed the
// same subsets come out as in numpy, so KID matches torch-fidelity's draw for draw.
package org.autogan4j.metrics;

final class NumpyRandomState {
    private static final int N = 624;
    private static final int M = 397;
    private final int[] state = new int[N];
    private int position;

    /** RandomState(seed) for an integer seed in [0, 2^32): MT19937's init_genrand. */
    NumpyRandomState(long seed) {
        if (seed < 0 || seed > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("a RandomState seed is in [0, 2^32), got " + seed);
        }
        state[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            int previous = state[i - 1];
            state[i] = 1812433253 * (previous ^ (previous >>> 30)) + i;
        }
        position = N;
    }

    /** The next 32-bit output, as an unsigned value. */
    long nextUint32() {
        if (position >= N) {
            twist();
        }
        int y = state[position++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9D2C5680;
        y ^= (y << 15) & 0xEFC60000;
        y ^= y >>> 18;
        return y & 0xFFFFFFFFL;
    }

    private void twist() {
        for (int i = 0; i < N; i++) {
            int y = (state[i] & 0x80000000) | (state[(i + 1) % N] & 0x7FFFFFFF);
            state[i] = state[(i + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908B0DF : 0);
        }
        position = 0;
    }

    /** numpy's random_interval: uniform in [0, max] for max < 2^32. */
    long interval(long max) {
        if (max == 0) {
            return 0;
        }
        long mask = max;
        for (int shift = 1; shift <= 16; shift <<= 1) {
            mask |= mask >>> shift;
        }
        long value;
        do {
            value = nextUint32() & mask;
        } while (value > max);
        return value;
    }

    /** rng.permutation(n). */
    int[] permutation(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i >= 1; i--) {
            int j = (int) interval(i);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    /** rng.choice(n, size, replace=False). */
    int[] choice(int n, int size) {
        if (size > n) {
            throw new IllegalArgumentException("cannot choose " + size + " of " + n + " without replacement");
        }
        return java.util.Arrays.copyOf(permutation(n), size);
    }
}
