// Dynamic reset on synthetic loss streams with n_critic = 5: a flat stream triggers exactly on the
// D step whose check first sees a full g_loss window (G step 500) and clears both windows; a noisy
// stream never triggers and its windows persist; a flat d_loss alone triggers (OR); the window
// contents restore into a fresh instance; RunningStats is the population variance of the window.
package org.autogan4j.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;

import org.junit.jupiter.api.Test;

class DynamicResetTest {
    private static final int N_CRITIC = 5;
    /** Double arithmetic on a handful of small numbers. */
    private static final double EXACT = 1e-12;

    /** Runs dSteps D steps (a G step before every N_CRITIC-th check); returns the D step indices that triggered. */
    private static List<Integer> run(DynamicReset reset, int dSteps, IntToDoubleFunction dLoss,
            IntToDoubleFunction gLoss) {
        List<Integer> triggered = new ArrayList<>();
        for (int d = 0; d < dSteps; d++) {
            if (d % N_CRITIC == 0) {
                reset.afterGStep(gLoss.applyAsDouble(d));
            }
            if (reset.afterDStep(dLoss.applyAsDouble(d))) {
                triggered.add(d);
            }
        }
        return triggered;
    }

    @Test
    void flatStreamTriggersExactlyWhenTheGWindowFills() {
        DynamicReset reset = new DynamicReset();
        int fill = (DynamicReset.WINDOW - 1) * N_CRITIC;
        List<Integer> triggered = run(reset, fill + 1, d -> 1.0, d -> -0.5);
        assertEquals(List.of(fill), triggered);
        assertEquals(0, reset.gLoss().size());
        assertEquals(0, reset.dLoss().size());
        assertEquals(1, reset.triggers());
        List<Integer> again = run(reset, fill + 1, d -> 1.0, d -> -0.5);
        assertEquals(List.of(fill), again, "after a clear the g window must fill again before the next check");
    }

    @Test
    void noisyStreamNeverTriggersAndWindowsPersist() {
        DynamicReset reset = new DynamicReset();
        CounterRng rng = new CounterRng(6);
        List<Integer> triggered = run(reset, 10_000, d -> 0.5 * rng.normal(), d -> 0.5 * rng.normal());
        assertEquals(List.of(), triggered);
        assertTrue(reset.gLoss().isFull());
        assertTrue(reset.dLoss().isFull());
    }

    @Test
    void flatDLossAloneTriggers() {
        DynamicReset reset = new DynamicReset();
        CounterRng rng = new CounterRng(7);
        List<Integer> triggered = run(reset, DynamicReset.WINDOW * N_CRITIC, d -> 2.0, d -> rng.normal());
        assertEquals(List.of((DynamicReset.WINDOW - 1) * N_CRITIC), triggered);
    }

    @Test
    void windowsRestoreIntoAFreshInstance() {
        DynamicReset reset = new DynamicReset(4, 1e-3);
        DynamicReset copy = new DynamicReset(4, 1e-3);
        run(reset, 12, d -> 1.0, d -> d);
        assertFalse(reset.gLoss().isFull());
        copy.dLoss().restore(reset.dLoss().values());
        copy.gLoss().restore(reset.gLoss().values());
        assertArrayEquals(reset.dLoss().values(), copy.dLoss().values(), 0);
        reset.afterGStep(20);
        copy.afterGStep(20);
        assertTrue(reset.afterDStep(1.0));
        assertTrue(copy.afterDStep(1.0));
    }

    @Test
    void runningStatsIsTheWindowsPopulationVariance() {
        RunningStats stats = new RunningStats(3);
        assertEquals(0, stats.variance(), 0);
        stats.push(10);
        assertEquals(0, stats.variance(), 0);
        for (double x : new double[] {1, 2, 3, 4}) {
            stats.push(x);
        }
        assertArrayEquals(new double[] {2, 3, 4}, stats.values(), 0);
        assertEquals(3, stats.mean(), EXACT);
        assertEquals(2.0 / 3.0, stats.variance(), EXACT);
    }
}
