// Tests of the Philox random fills (CPU twin): the Random123 known answer through a tiny fill,
// every value against an independent Java Philox at seeds and offsets with high bits set,
// uniform and normal statistics over 1e6 samples, reproducibility, offsets that differ, the
// prefix property (element i never depends on n) and thread-count independence.
package org.autogan4j.kernels;

import static org.autogan4j.testing.Tensors.assertBitIdentical;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.autogan4j.tensor.Backend;
import org.autogan4j.tensor.Device;

import org.autogan4j.tensor.Tensor;
import org.autogan4j.testing.Determinism;
import org.autogan4j.testing.Philox;
import org.autogan4j.testing.Tensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RngKernelTest {
    /** Samples for the statistics: standard errors ~1e-3. */
    private static final int SAMPLES = 1_000_000;
    /** About 7 standard errors of a mean or variance over SAMPLES: a correct generator never fails. */
    private static final double MOMENT_BOUND = 0.01;
    /** logf/cosf/sinf in float against the double formula: a few ulp of values up to ~5.8. */
    private static final double NORMAL_ABS = 1e-5;
    private static final Backend CPU = Device.CPU.backend();

    private static float[] uniform(int n, long seed, long offset, float low, float high) {
        try (Tensors t = new Tensors()) {
            Tensor y = t.poisoned(n);
            CPU.rngUniform(y, seed, offset, low, high);
            return y.toArray();
        }
    }

    private static float[] normal(int n, long seed, long offset, float mean, float std) {
        try (Tensors t = new Tensors()) {
            Tensor y = t.poisoned(n);
            CPU.rngNormal(y, seed, offset, mean, std);
            return y.toArray();
        }
    }

    @Test
    void javaReferenceReproducesTheRandom123KnownAnswers() {
        assertArrayEquals(new int[] {0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8}, Philox.block(0, 0, 0, 0, 0, 0));
        assertArrayEquals(new int[] {0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd},
                Philox.block(-1, -1, -1, -1, -1, -1));
        assertArrayEquals(new int[] {0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1},
                Philox.block(0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344, 0xa4093822, 0x299f31d0));
    }

    @Test
    void firstUniformsAreTheKnownAnswer() {
        int[] kat = {0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8};
        float[] expected = new float[4];
        for (int i = 0; i < 4; i++) {
            expected[i] = (kat[i] >>> 8) / 16777216.0f;
        }
        assertBitIdentical(expected, uniform(4, 0, 0, 0f, 1f), "uniform(0,1) with seed 0, offset 0");
    }

    @ParameterizedTest
    @CsvSource({"0,0", "42,7", "-1,-1", "81985529216486895,1311768467463790320", "4294967297,4294967296"})
    void everyValueMatchesTheJavaPhilox(long seed, long offset) {
        int n = 1001;
        float[] uniform = uniform(n, seed, offset, -2f, 3f);
        float[] normal = normal(n, seed, offset, 0f, 1f);
        for (int i = 0; i < n; i++) {
            float expected = Philox.uniform(seed, offset, i, -2f, 3f);
            assertEquals(expected, uniform[i], 0f, "uniform element " + i + " (seed " + seed + ", offset " + offset
                    + ")");
            assertEquals(Philox.normal(seed, offset, i), normal[i], NORMAL_ABS, "normal element " + i + " (seed " + seed
                    + ", offset " + offset + ")");
        }
    }

    @Test
    void uniformHasItsRangeMeanAndVariance() {
        float low = -2f;
        float high = 3f;
        float[] y = uniform(SAMPLES, 1234, 5, low, high);
        double[] moments = moments(y);
        assertTrue(moments[2] >= low && moments[3] < high, "uniform range [" + moments[2] + ", " + moments[3] + "]");
        assertEquals(0.5, moments[0], MOMENT_BOUND, "uniform mean");
        assertEquals(25.0 / 12.0, moments[1], MOMENT_BOUND, "uniform variance");
    }

    @Test
    void normalHasItsMeanAndStandardDeviation() {
        double[] standard = moments(normal(SAMPLES, 99, 3, 0f, 1f));
        assertEquals(0.0, standard[0], MOMENT_BOUND / 2, "normal(0, 1) mean");
        assertEquals(1.0, Math.sqrt(standard[1]), MOMENT_BOUND / 2, "normal(0, 1) standard deviation");
        double[] shifted = moments(normal(SAMPLES, 99, 4, 3f, 2f));
        assertEquals(3.0, shifted[0], MOMENT_BOUND, "normal(3, 2) mean");
        assertEquals(2.0, Math.sqrt(shifted[1]), MOMENT_BOUND, "normal(3, 2) standard deviation");
    }

    /** {mean, variance, min, max} in double. */
    private static double[] moments(float[] y) {
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float v : y) {
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double mean = sum / y.length;
        double squares = 0;
        for (float v : y) {
            squares += (v - mean) * (v - mean);
        }
        return new double[] {mean, squares / y.length, min, max};
    }

    @Test
    void sameSeedAndOffsetGiveTheSameNumbersAndOthersDiffer() {
        float[] first = uniform(4096, 7, 11, 0f, 1f);
        assertBitIdentical(first, uniform(4096, 7, 11, 0f, 1f), "uniform, same seed and offset");
        assertBitIdentical(normal(4097, 7, 11, 0f, 1f), normal(4097, 7, 11, 0f, 1f), "normal, same seed and offset");
        assertTrue(equalCount(first, uniform(4096, 7, 12, 0f, 1f)) < 10, "offset 12 repeats offset 11's numbers");
        assertTrue(equalCount(first, uniform(4096, 8, 11, 0f, 1f)) < 10, "seed 8 repeats seed 7's numbers");
        assertTrue(equalCount(first, uniform(4096, 7, 11 + (1L << 32), 0f, 1f)) < 10,
                "offset 11 + 2^32 repeats offset 11's numbers (the high word is ignored)");
        assertTrue(equalCount(first, uniform(4096, 7 + (1L << 32), 11, 0f, 1f)) < 10,
                "seed 7 + 2^32 repeats seed 7's numbers (the high word is ignored)");
    }

    private static int equalCount(float[] a, float[] b) {
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            same += a[i] == b[i] ? 1 : 0;
        }
        return same;
    }

    @Test
    void elementIDoesNotDependOnN() {
        float[] longUniform = uniform(1000, 5, 9, -1f, 1f);
        float[] longNormal = normal(1001, 5, 9, 0f, 1f);
        for (int n : new int[] {1, 2, 3, 5, 7, 8, 999}) {
            assertBitIdentical(Arrays.copyOf(longUniform, n), uniform(n, 5, 9, -1f, 1f), "uniform prefix of n = " + n);
            assertBitIdentical(Arrays.copyOf(longNormal, n), normal(n, 5, 9, 0f, 1f), "normal prefix of n = " + n);
        }
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        Determinism.assertThreadCountIndependent("rng", () -> new float[][] {uniform(SAMPLES, 3, 1, 0f, 1f),
            normal(SAMPLES + 1, 3, 1, 0f, 1f)});
    }
}
