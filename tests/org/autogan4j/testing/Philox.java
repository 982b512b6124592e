// An independent Java reference of Philox4x32-10 (Salmon et al., SC'11) and of the stream layout
// of kernels.h (element i = lane i % 4 of block i / 4; counter (block lo, block hi, offset lo,
// offset hi), key (seed lo, seed hi)), so that the RNG tests can predict every value a kernel draws.
package org.autogan4j.testing;

public final class Philox {
    private static final long MULTIPLIER_0 = 0xD2511F53L;
    private static final long MULTIPLIER_1 = 0xCD9E8D57L;
    private static final int WEYL_0 = 0x9E3779B9;
    private static final int WEYL_1 = 0xBB67AE85;
    private static final float TWO_POW_MINUS_24 = 1.0f / 16777216.0f;

    private Philox() {
    }

    /** The four 32-bit outputs for counter (c0..c3) and key (k0, k1). */
    public static int[] block(int c0, int c1, int c2, int c3, int k0, int k1) {
        int[] c = {c0, c1, c2, c3};
        int key0 = k0;
        int key1 = k1;
        for (int round = 0; round < 10; round++) {
            if (round > 0) {
                key0 += WEYL_0;
                key1 += WEYL_1;
            }
            long product0 = MULTIPLIER_0 * (c[0] & 0xFFFFFFFFL);
            long product1 = MULTIPLIER_1 * (c[2] & 0xFFFFFFFFL);
            c = new int[] {(int) (product1 >>> 32) ^ c[1] ^ key0, (int) product1, (int) (product0 >>> 32) ^ c[3] ^ key1,
                (int) product0};
        }
        return c;
    }

    /** The 32 bits behind element i of the stream (seed, offset). */
    public static int bits(long seed, long offset, long i) {
        long b = i >>> 2;
        int[] out = block((int) b, (int) (b >>> 32), (int) offset, (int) (offset >>> 32), (int) seed,
                (int) (seed >>> 32));
        return out[(int) (i & 3)];
    }

    /** The 24 high bits as a float in [0, 1). */
    public static float unit(int bits) {
        return (bits >>> 8) * TWO_POW_MINUS_24;
    }

    /** Element i of ag_*_rng_uniform(seed, offset, low, high). */
    public static float uniform(long seed, long offset, long i, float low, float high) {
        return low + (high - low) * unit(bits(seed, offset, i));
    }

    /** Element i of ag_*_rng_normal(seed, offset, 0, 1): Box-Muller on lane pairs (0,1), (2,3), in double. */
    public static double normal(long seed, long offset, long i) {
        long pairStart = i & ~1L;
        double radiusUnit = ((bits(seed, offset, pairStart) >>> 8) + 1) * (double) TWO_POW_MINUS_24;
        double radius = Math.sqrt(-2.0 * Math.log(radiusUnit));
        double angle = 2 * Math.PI * unit(bits(seed, offset, pairStart + 1));
        return (i & 1) == 0 ? radius * Math.cos(angle) : radius * Math.sin(angle);
    }
}
