// REINFORCE: the clean and originalQuirks losses on a hand-computed two-token case (values and
// gradients), the baseline's first step and its reset per search iteration under the quirk only,
// the controller's Adam step, and learning a target architecture on a toy reward from a fixed seed.
package org.autogan4j.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ReinforceTest {
    /** Hand arithmetic in double on numbers of order 1: rounding ~1e-16. */
    private static final double EXACT = 1e-12;
    private static final double[] LOG_PROBS = {-0.5, -1.0};
    private static final double[] ENTROPIES = {0.6, 1.0};
    private static final double REWARD = 2.0;
    /** The toy reward's target (stage 0: C, N, U, SC). */
    private static final int[] TARGET = {1, 2, 0, 1};
    /** Controller steps within which the toy search must put 90% of its mass on the target. */
    private static final int MAX_TOY_STEPS = 1500;
    private static final double LEARNED_PROBABILITY = 0.9;

    @Test
    void quirkLossIsTheBroadcastSumWithEntropyGradient() {
        // R = [2.0006, 2.001]; b = 0.9 [1.9, 2.1] + 0.1 R = [1.91006, 2.09010]; adv = [0.09054, -0.0891]
        Reinforce.Loss loss = Reinforce.loss(LOG_PROBS, ENTROPIES, REWARD, new double[] {1.9, 2.1}, true);
        double sumAdv = (2.0006 - 1.91006) + (2.001 - 2.0901);
        assertEquals(0.00144, sumAdv, EXACT);
        assertEquals(1.5 * 0.00144, loss.value(), EXACT);
        assertArrayEquals(new double[] {1.91006, 2.0901}, loss.baseline(), EXACT);
        assertArrayEquals(new double[] {-0.00144, -0.00144}, loss.dLogProbs(), EXACT);
        assertArrayEquals(new double[] {1.5 * 0.9e-3, 1.5 * 0.9e-3}, loss.dEntropies(), EXACT);
        double elementwise = -(LOG_PROBS[0] * (2.0006 - 1.91006) + LOG_PROBS[1] * (2.001 - 2.0901));
        assertNotEquals(elementwise, loss.value(), 1e-3);
    }

    @Test
    void cleanLossUsesSummedEntropyAsAConstantReward() {
        // R = 2 + 1e-3 * 1.6 = 2.0016; b = 0.9 * 1.9 + 0.1 * R = 1.91016; adv = 0.09144
        Reinforce.Loss loss = Reinforce.loss(LOG_PROBS, ENTROPIES, REWARD, new double[] {1.9}, false);
        assertEquals(0.09144, loss.advantage(), EXACT);
        assertEquals(1.5 * 0.09144, loss.value(), EXACT);
        assertArrayEquals(new double[] {1.91016}, loss.baseline(), EXACT);
        assertArrayEquals(new double[] {-0.09144, -0.09144}, loss.dLogProbs(), EXACT);
        assertArrayEquals(new double[] {0, 0}, loss.dEntropies(), 0);
    }

    @Test
    void quirkFlagChangesTheLossForTheSameBaseline() {
        // quirk: sum adv = 0.9 * (2 * 2 + 1e-3 * 1.6 - 2 * 1.9) = 0.18144; clean: adv = 0.9 * (2.0016 - 1.9) = 0.09144
        Reinforce.Loss quirk = Reinforce.loss(LOG_PROBS, ENTROPIES, REWARD, new double[] {1.9, 1.9}, true);
        Reinforce.Loss clean = Reinforce.loss(LOG_PROBS, ENTROPIES, REWARD, new double[] {1.9}, false);
        assertEquals(1.5 * 0.18144, quirk.value(), EXACT);
        assertEquals(1.5 * 0.09144, clean.value(), EXACT);
    }

    @Test
    void firstStepLearnsNothingInBothModes() {
        for (boolean quirks : new boolean[] {false, true}) {
            Reinforce.Loss loss = Reinforce.loss(LOG_PROBS, ENTROPIES, REWARD, null, quirks);
            assertEquals(0, loss.value(), 0);
            assertArrayEquals(new double[2], loss.dLogProbs(), 0);
            assertArrayEquals(new double[2], loss.dEntropies(), 0);
        }
    }

    @Test
    void onlyTheQuirkResetsTheBaselineEachIteration() {
        for (boolean quirks : new boolean[] {false, true}) {
            Reinforce reinforce = new Reinforce(new Controller(0, 8, new CounterRng(1)), quirks);
            CounterRng rng = new CounterRng(2);
            reinforce.beginIteration();
            reinforce.step(reinforce.controller().sample(rng), 1.0);
            assertNotNull(reinforce.baseline());
            assertEquals(quirks ? 4 : 1, reinforce.baseline().length);
            reinforce.beginIteration();
            if (quirks) {
                assertNull(reinforce.baseline());
            } else {
                assertNotNull(reinforce.baseline());
            }
        }
    }

    @Test
    void adamStepsMatchPyTorchFormula() {
        ParamArray p = new ParamArray("p", 2);
        p.value()[0] = 1.0;
        p.value()[1] = -2.0;
        ArrayAdam adam = new ArrayAdam(List.of(p));
        p.grad()[0] = 0.5;
        p.grad()[1] = -0.25;
        adam.step();
        double lr = ArrayAdam.CONTROLLER_LR;
        // beta1 = 0: m = g; v = 0.1 g^2, bias-corrected to g^2; step lr * g / (|g| + eps).
        assertEquals(1.0 - lr * 0.5 / (0.5 + 1e-8), p.value()[0], EXACT);
        assertEquals(-2.0 + lr * 0.25 / (0.25 + 1e-8), p.value()[1], EXACT);
        double before = p.value()[0];
        p.grad()[0] = 1.0;
        adam.step();
        double v = 0.9 * 0.1 * 0.25 + 0.1 * 1.0;
        double vHat = Math.sqrt(v) / Math.sqrt(1 - 0.81);
        assertEquals(before - lr * 1.0 / (vHat + 1e-8), p.value()[0], EXACT);
        assertEquals(2, adam.steps());
    }

    @Test
    void learnsTargetOnToyReward() {
        for (boolean quirks : new boolean[] {false, true}) {
            Reinforce reinforce = new Reinforce(new Controller(0, new CounterRng(2019)), quirks);
            CounterRng rng = new CounterRng(812);
            int learnedAt = -1;
            for (int step = 0; step < MAX_TOY_STEPS && learnedAt < 0; step++) {
                if (step % 30 == 0) {
                    reinforce.beginIteration();
                }
                ControllerSample s = reinforce.controller().sample(rng);
                int[] tokens = s.tokens();
                int matches = 0;
                for (int k = 0; k < TARGET.length; k++) {
                    matches += tokens[k] == TARGET[k] ? 1 : 0;
                }
                reinforce.step(s, matches);
                double p = Math.exp(reinforce.controller().evaluate(TARGET, new double[100], new double[100]).logProb());
                if (p > LEARNED_PROBABILITY) {
                    learnedAt = step;
                }
            }
            System.out.println("toy target learned at step " + learnedAt + (quirks ? " (originalQuirks)" : " (clean)"));
            assertTrue(learnedAt >= 0, "the controller did not reach P(target) > " + LEARNED_PROBABILITY + " in "
                    + MAX_TOY_STEPS + " steps" + (quirks ? " with originalQuirks" : ""));
        }
    }
}
