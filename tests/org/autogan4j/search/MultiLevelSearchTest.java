// MLAS bookkeeping on a deterministic score: top-K is the best K of the M scored candidates in
// descending order with each one's final controller state; after growth a new controller for the
// next cell continues from a parent's state (parents drawn uniformly with replacement) and the
// result is parent prefix + new tokens; stages 0 -> 1 -> 2 give 4-, 9- and 14-token prefixes.
package org.autogan4j.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

import org.autogan4j.gan.Architecture;
import org.junit.jupiter.api.Test;

class MultiLevelSearchTest {
    /** Double agreement of the same computation done twice. */
    private static final double EXACT = 1e-12;
    private static final int HIDDEN = 16;
    /** Draws used to see every parent picked; with 5 parents each expects 60. */
    private static final int PARENT_DRAWS = 300;
    /** Each parent's count must stay within this of 60 (about 4.5 standard deviations). */
    private static final int PARENT_SLACK = 30;

    /** A score that distinguishes most architectures: codes read as a number with a small weight per position. */
    private static double score(Architecture arch) {
        int[] codes = arch.codes();
        double s = 0;
        for (int i = 0; i < 14; i++) {
            s += codes[i] * (1.0 + 0.37 * i);
        }
        return s;
    }

    private static MultiLevelSearch search(long seed) {
        return new MultiLevelSearch(new CounterRng(seed), HIDDEN, 10, 5, false, 0, List.of());
    }

    @Test
    void topKIsTheBestCandidatesDescendingWithTheirFinalState() {
        MultiLevelSearch mlas = search(1);
        Controller old = mlas.reinforce().controller();
        List<Double> seen = new ArrayList<>();
        ToDoubleFunction<Architecture> recording = arch -> {
            double s = score(arch);
            seen.add(s);
            return s;
        };
        List<Candidate> top = mlas.grow(recording);
        assertEquals(10, seen.size());
        double[] expected = seen.stream().sorted((a, b) -> Double.compare(b, a)).limit(5).mapToDouble(d -> d).toArray();
        assertArrayEquals(expected, top.stream().mapToDouble(Candidate::reward).toArray(), 0);
        for (Candidate c : top) {
            assertEquals(4, c.tokens().length);
            assertEquals(score(c.architecture()), c.reward(), 0);
            ControllerSample replay = old.evaluate(c.tokens(), new double[HIDDEN], new double[HIDDEN]);
            assertArrayEquals(replay.h(), c.h(), EXACT);
            assertArrayEquals(replay.c(), c.c(), EXACT);
        }
        assertEquals(1, mlas.stage());
        assertEquals(top, mlas.parents());
        assertNotSame(old, mlas.reinforce().controller());
        assertEquals(1, mlas.reinforce().controller().stage());
    }

    @Test
    void laterStagesContinueFromAParentsPrefixAndState() {
        MultiLevelSearch mlas = search(2);
        List<Candidate> parents = mlas.grow(MultiLevelSearchTest::score);
        Controller controller = mlas.reinforce().controller();
        int[] counts = new int[parents.size()];
        for (int n = 0; n < PARENT_DRAWS; n++) {
            MultiLevelSearch.Draw d = mlas.sample();
            Candidate parent = parents.get(d.parent());
            counts[d.parent()]++;
            assertEquals(9, d.tokens().length);
            assertArrayEquals(parent.tokens(), Arrays.copyOf(d.tokens(), 4));
            int[] fresh = Arrays.copyOfRange(d.tokens(), 4, 9);
            assertArrayEquals(fresh, d.sample().tokens());
            ControllerSample fromParent = controller.evaluate(fresh, parent.h(), parent.c());
            assertArrayEquals(fromParent.logProbs(), d.sample().logProbs(), EXACT);
            assertArrayEquals(Arrays.copyOf(d.tokens(), 14), d.architecture().codes());
        }
        for (int count : counts) {
            assertTrue(Math.abs(count - PARENT_DRAWS / parents.size()) <= PARENT_SLACK, Arrays.toString(counts));
        }
    }

    @Test
    void parentStateMattersToTheNewController() {
        MultiLevelSearch mlas = search(3);
        mlas.grow(MultiLevelSearchTest::score);
        MultiLevelSearch.Draw d = mlas.sample();
        int[] fresh = d.sample().tokens();
        ControllerSample fromZero = mlas.reinforce().controller().evaluate(fresh, new double[HIDDEN], new double[HIDDEN]);
        assertTrue(Math.abs(fromZero.logProb() - d.sample().logProb()) > 1e-6,
                "sampling from the parent state must differ from sampling from zeros");
    }

    @Test
    void growsThroughAllStagesToFullArchitectures() {
        MultiLevelSearch mlas = search(4);
        assertThrows(IllegalStateException.class, () -> mlas.finalTopK(MultiLevelSearchTest::score));
        mlas.grow(MultiLevelSearchTest::score);
        List<Candidate> second = mlas.grow(MultiLevelSearchTest::score);
        assertEquals(2, mlas.stage());
        assertEquals(5, mlas.reinforce().controller().tokens().length);
        for (Candidate c : second) {
            assertEquals(9, c.tokens().length);
        }
        List<Candidate> last = mlas.finalTopK(MultiLevelSearchTest::score);
        assertEquals(5, last.size());
        for (int i = 0; i < last.size(); i++) {
            assertEquals(14, last.get(i).tokens().length);
            assertArrayEquals(last.get(i).tokens(), last.get(i).architecture().codes());
            assertTrue(i == 0 || last.get(i - 1).reward() >= last.get(i).reward());
            int skip = last.get(i).tokens()[13];
            assertTrue(skip >= 0 && skip < 4);
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> mlas.grow(MultiLevelSearchTest::score));
        assertTrue(e.getMessage().contains("finalTopK"), e.getMessage());
    }

    @Test
    void padAndBadSettingsFailClearly() {
        assertArrayEquals(new int[] {1, 2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
                MultiLevelSearch.pad(new int[] {1, 2, 0, 1}).codes());
        assertThrows(IllegalArgumentException.class, () -> MultiLevelSearch.pad(new int[] {1, 2, 0}));
        assertThrows(IllegalArgumentException.class,
                () -> new MultiLevelSearch(new CounterRng(1), HIDDEN, 3, 5, false, 0, List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new MultiLevelSearch(new CounterRng(1), HIDDEN, 10, 5, false, 1, List.of()));
    }
}
