// The controller against finite differences and hand-computed values: BPTT gradients of a loss
// built from a sampled sequence's log-probs and entropies (tokens held fixed) match central
// differences in double for every parameter, from the zero state and from a given (h, c); the LSTM
// gate order is PyTorch's (i, f, g, o); step k reads embedding row a_{k-1} + sum_{j<k-1} n_j.
package org.autogan4j.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ControllerTest {
    /** Central-difference step in double: truncation ~h^2 = 1e-10, rounding ~1e-16 / h = 1e-11. */
    private static final double STEP = 1e-5;
    /** Absolute + relative criterion: the two error sources above stay far below it. */
    private static final double GRAD_TOL = 1e-7;
    /** Double-precision agreement of two computations of the same value. */
    private static final double EXACT = 1e-12;
    /** Elements checked per parameter (a seeded sample) to keep the test fast. */
    private static final int SAMPLES = 40;

    @Test
    void gradientsMatchFiniteDifferencesFromZeroState() {
        checkGradients(0, 16, false);
    }

    @Test
    void gradientsMatchFiniteDifferencesFromGivenState() {
        checkGradients(2, Controller.HIDDEN, true);
    }

    private static void checkGradients(int stage, int hidden, boolean withState) {
        CounterRng rng = new CounterRng(7 + stage);
        Controller controller = new Controller(stage, hidden, rng);
        double[] h0 = new double[hidden];
        double[] c0 = new double[hidden];
        if (withState) {
            for (int u = 0; u < hidden; u++) {
                h0[u] = rng.uniform(-0.8, 0.8);
                c0[u] = rng.uniform(-2, 2);
            }
        }
        int[] tokens = controller.sample(rng, h0, c0).tokens();
        int t = tokens.length;
        double[] a = new double[t];
        double[] b = new double[t];
        for (int k = 0; k < t; k++) {
            a[k] = rng.uniform(-2, 2);
            b[k] = rng.uniform(-2, 2);
        }
        ControllerSample s = controller.evaluate(tokens, h0, c0);
        controller.zeroGrad();
        controller.backward(s, a, b);
        for (ParamArray p : controller.parameters()) {
            double[] analytic = p.grad().clone();
            for (int n = 0; n < Math.min(SAMPLES, p.size()); n++) {
                int e = (int) ((long) n * 7919 % p.size());
                double saved = p.value()[e];
                p.value()[e] = saved + STEP;
                double up = loss(controller.evaluate(tokens, h0, c0), a, b);
                p.value()[e] = saved - STEP;
                double down = loss(controller.evaluate(tokens, h0, c0), a, b);
                p.value()[e] = saved;
                double numeric = (up - down) / (2 * STEP);
                double err = Math.abs(numeric - analytic[e]);
                assertTrue(err <= GRAD_TOL * (1 + Math.abs(numeric)), p.name() + "[" + e + "] analytic " + analytic[e]
                        + " numeric " + numeric + " (stage " + stage + ")");
            }
        }
    }

    private static double loss(ControllerSample s, double[] a, double[] b) {
        double l = 0;
        for (int k = 0; k < a.length; k++) {
            l += a[k] * s.logProbs()[k] + b[k] * s.entropies()[k];
        }
        return l;
    }

    @Test
    void lstmGateOrderIsInputForgetCellOutput() {
        LstmCell cell = new LstmCell(1, 1, new CounterRng(1));
        java.util.Arrays.fill(cell.weightIh.value(), 0);
        java.util.Arrays.fill(cell.weightHh.value(), 0);
        double[] biasIh = {0.3, -0.2, 0.5, 1.1};
        double[] biasHh = {0.1, 0.4, -0.9, -0.3};
        System.arraycopy(biasIh, 0, cell.biasIh.value(), 0, 4);
        System.arraycopy(biasHh, 0, cell.biasHh.value(), 0, 4);
        double c0 = 0.7;
        LstmCell.Step step = cell.forward(new double[] {0}, new double[] {0}, new double[] {c0});
        double i = 1 / (1 + Math.exp(-0.4));
        double f = 1 / (1 + Math.exp(-0.2));
        double g = Math.tanh(-0.4);
        double o = 1 / (1 + Math.exp(-0.8));
        double c = f * c0 + i * g;
        assertEquals(c, step.cOut()[0], EXACT);
        assertEquals(o * Math.tanh(c), step.hOut()[0], EXACT);
    }

    @Test
    void stepInputIsTheEmbeddingRowOfThePreviousToken() {
        Controller controller = new Controller(2, 8, new CounterRng(3));
        int[] tokens = {1, 2, 0, 1, 3};
        int[] expectedRows = {1, 2 + 2, 5 + 0, 8 + 1};
        ControllerSample s = controller.evaluate(tokens, new double[8], new double[8]);
        controller.zeroGrad();
        controller.backward(s, new double[] {1, 1, 1, 1, 1}, new double[5]);
        ParamArray encoder = controller.parameters().get(4);
        assertEquals("encoder.weight", encoder.name());
        assertArrayEquals(new int[] {14, 8}, encoder.shape());
        List<Integer> used = new ArrayList<>();
        for (int row = 0; row < 14; row++) {
            boolean nonzero = false;
            for (int u = 0; u < 8; u++) {
                nonzero |= encoder.grad()[row * 8 + u] != 0;
            }
            if (nonzero) {
                used.add(row);
            }
        }
        assertEquals(List.of(expectedRows[0], expectedRows[1], expectedRows[2], expectedRows[3]), used);
    }

    @Test
    void sampleAgreesWithEvaluateAndIsAProbability() {
        Controller controller = new Controller(1, new CounterRng(11));
        ControllerSample s = controller.sample(new CounterRng(12));
        ControllerSample e = controller.evaluate(s.tokens(), new double[100], new double[100]);
        assertArrayEquals(s.logProbs(), e.logProbs(), EXACT);
        assertArrayEquals(s.entropies(), e.entropies(), EXACT);
        assertArrayEquals(s.h(), e.h(), EXACT);
        int[] n = Controller.tokensOfStage(1);
        for (int k = 0; k < n.length; k++) {
            assertTrue(s.logProbs()[k] <= 0);
            assertTrue(s.entropies()[k] > 0 && s.entropies()[k] <= Math.log(n[k]) + EXACT);
        }
        assertEquals(100, s.c().length);
    }

    @Test
    void sameSeedSameSequenceAndRngResumes() {
        Controller controller = new Controller(2, new CounterRng(5));
        CounterRng rng = new CounterRng(99);
        controller.sample(rng);
        CounterRng resumed = new CounterRng(rng.seed(), rng.counter());
        assertArrayEquals(controller.sample(rng).tokens(), controller.sample(resumed).tokens());
        assertEquals(rng.counter(), resumed.counter());
    }

    @Test
    void badInputNamesTheProblem() {
        Controller controller = new Controller(0, 8, new CounterRng(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> controller.evaluate(new int[] {0, 3, 0, 0}, new double[8], new double[8]));
        assertTrue(e.getMessage().contains("token 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> controller.sample(new CounterRng(1), new double[7], new double[8]));
        assertThrows(IllegalArgumentException.class, () -> new Controller(3, new CounterRng(1)));
    }
}
