package org.autogan4j.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

import org.autogan4j.gan.Architecture;

/**
 * The bookkeeping of multi-level architecture search (spec 5), without the GAN training: which
 * controller is live, how it samples (stage 0 from the zero state; later stages pick a parent
 * uniformly with replacement from the top-K and continue from its final (h, c) with a zero input,
 * the result being parent prefix + new tokens), and the stage growth (the OLD controller samples M
 * candidates, they are scored, the top K by reward, sorted descending, become the parents, and a
 * brand-new controller and Adam take over the next cell). finalTopK gives the search's answer.
 * state() and restore() are its checkpoint: the stage, the parents and the live controller's
 * weights, Adam and REINFORCE baseline, as plain values. sampling() switches two things a search may
 * ask for: uniform draws of the new cell's tokens in place of the controller (random search: the
 * same schedule, nothing learned) and a budget every drawn architecture must fit, redrawn up to
 * MAX_REDRAWS times (then an error naming the budget).
 */
public final class MultiLevelSearch {
    public static final int NUM_CANDIDATES = 10;
    public static final int TOP_K = 5;
    /** Draws of one sample() before an architecture outside the budget is an error. */
    public static final int MAX_REDRAWS = 1000;
    private static final int[] PREFIX_LENGTH = {4, 9, 14};

    /** One architecture drawn from the live controller (sample null for a uniform draw); parent is -1 in stage 0. */
    public record Draw(int[] tokens, Architecture architecture, ControllerSample sample, int parent) {
    }

    /**
     * The checkpoint state: stage, parents (best first), the live controller's parameter arrays (in
     * Controller.parameters() order), its Adam (steps, first and second moments) and the REINFORCE
     * baseline (null before the first controller step).
     */
    public record State(int stage, List<Candidate> parents, List<double[]> params, long adamSteps,
            List<double[]> adamM, List<double[]> adamV, double[] baseline) {
    }

    private final CounterRng rng;
    private final int hidden;
    private final int numCandidates;
    private final int topK;
    private final boolean originalQuirks;
    private int stage;
    private List<Candidate> parents;
    private Reinforce reinforce;
    private boolean uniform;
    private Predicate<Architecture> allowed = a -> true;
    private String budget = "";

    /** The original's settings (M 10, K 5, hidden 100) at stage 0. */
    public MultiLevelSearch(CounterRng rng, boolean originalQuirks) {
        this(rng, Controller.HIDDEN, NUM_CANDIDATES, TOP_K, originalQuirks, 0, List.of());
    }

    /**
     * A search at stage with these parents (empty at stage 0, topK of them later), with a fresh
     * controller initialised from rng: load saved controller and Adam state into reinforce() to resume.
     */
    public MultiLevelSearch(CounterRng rng, int hidden, int numCandidates, int topK, boolean originalQuirks, int stage,
            List<Candidate> parents) {
        if (numCandidates < 1 || topK < 1 || topK > numCandidates) {
            throw new IllegalArgumentException("need 1 <= topK <= numCandidates, got topK " + topK + " and numCandidates "
                    + numCandidates);
        }
        if (stage < 0 || stage > 2) {
            throw new IllegalArgumentException("stage must be 0, 1 or 2, got " + stage);
        }
        if ((stage == 0) != parents.isEmpty()) {
            throw new IllegalArgumentException("stage 0 has no parents and later stages need the top-K of the last "
                    + "growth; got stage " + stage + " with " + parents.size() + " parents");
        }
        for (Candidate p : parents) {
            if (p.tokens().length != PREFIX_LENGTH[stage - 1] || p.h().length != hidden || p.c().length != hidden) {
                throw new IllegalArgumentException("a stage " + stage + " parent needs " + PREFIX_LENGTH[stage - 1]
                        + " tokens and a state of " + hidden + ", got " + p);
            }
        }
        this.rng = rng;
        this.hidden = hidden;
        this.numCandidates = numCandidates;
        this.topK = topK;
        this.originalQuirks = originalQuirks;
        this.stage = stage;
        this.parents = List.copyOf(parents);
        this.reinforce = new Reinforce(new Controller(stage, hidden, rng), originalQuirks);
    }

    /**
     * Draws uniform tokens instead of the controller's when uniform is true; every architecture drawn
     * must pass allowed (budget names it in the error when MAX_REDRAWS draws all fail). Returns this.
     */
    public MultiLevelSearch sampling(boolean uniform, Predicate<Architecture> allowed, String budget) {
        this.uniform = uniform;
        this.allowed = allowed;
        this.budget = budget;
        return this;
    }

    /** Whether draws are uniform (random search) rather than the controller's. */
    public boolean uniform() {
        return uniform;
    }

    public int stage() {
        return stage;
    }

    /** The live controller's REINFORCE (its controller, Adam and baseline). */
    public Reinforce reinforce() {
        return reinforce;
    }

    /** The top-K of the last growth, best first (empty in stage 0). */
    public List<Candidate> parents() {
        return parents;
    }

    /** This search's checkpoint state (copies). */
    public State state() {
        List<double[]> params = new ArrayList<>();
        reinforce.controller().parameters().forEach(p -> params.add(p.value().clone()));
        double[][][] moments = reinforce.adam().moments();
        return new State(stage, parents, params, reinforce.adam().steps(), copies(moments[0]), copies(moments[1]),
                reinforce.baseline());
    }

    private static List<double[]> copies(double[][] arrays) {
        List<double[]> out = new ArrayList<>();
        for (double[] a : arrays) {
            out.add(a.clone());
        }
        return out;
    }

    /**
     * A search continuing saved: a controller for saved's stage drawn from rng (the caller moves rng
     * to its saved counter afterwards) with the saved weights, Adam and baseline; sizes are checked.
     */
    public static MultiLevelSearch restore(State saved, CounterRng rng, int hidden, int numCandidates, int topK,
            boolean originalQuirks) {
        MultiLevelSearch mlas = new MultiLevelSearch(rng, hidden, numCandidates, topK, originalQuirks, saved.stage(),
                saved.parents());
        Reinforce r = mlas.reinforce();
        List<ParamArray> params = r.controller().parameters();
        if (saved.params().size() != params.size()) {
            throw new IllegalArgumentException("the saved controller has " + saved.params().size()
                    + " parameter arrays, this one " + params.size());
        }
        for (int i = 0; i < params.size(); i++) {
            double[] v = saved.params().get(i);
            if (v.length != params.get(i).size()) {
                throw new IllegalArgumentException("controller parameter " + params.get(i).name() + " holds "
                        + params.get(i).size() + " values, the saved one " + v.length);
            }
            System.arraycopy(v, 0, params.get(i).value(), 0, v.length);
        }
        r.adam().restore(saved.adamSteps(), saved.adamM().toArray(new double[0][]),
                saved.adamV().toArray(new double[0][]));
        r.restoreBaseline(saved.baseline());
        return mlas;
    }

    /** Samples one architecture within the budget (spec 5: parent prefix + new tokens), redrawing those outside it. */
    public Draw sample() {
        for (int draw = 0; draw < MAX_REDRAWS; draw++) {
            Draw d = drawOnce();
            if (allowed.test(d.architecture())) {
                return d;
            }
        }
        throw new IllegalStateException("no architecture within " + budget + " in " + MAX_REDRAWS + " draws at stage "
                + stage + ": raise the budget or lower gf_dim");
    }

    private Draw drawOnce() {
        int parent = stage == 0 ? -1 : rng.nextInt(parents.size());
        Candidate p = stage == 0 ? null : parents.get(parent);
        ControllerSample s = uniform ? null : p == null ? reinforce.controller().sample(rng)
                : reinforce.controller().sample(rng, p.h(), p.c());
        int[] fresh = s != null ? s.tokens() : uniformTokens();
        int[] prefix = p == null ? new int[0] : p.tokens();
        int[] tokens = Arrays.copyOf(prefix, prefix.length + fresh.length);
        System.arraycopy(fresh, 0, tokens, prefix.length, fresh.length);
        return new Draw(tokens, pad(tokens), s, parent);
    }

    private int[] uniformTokens() {
        int[] counts = Controller.tokensOfStage(stage);
        int[] tokens = new int[counts.length];
        for (int k = 0; k < counts.length; k++) {
            tokens[k] = rng.nextInt(counts[k]);
        }
        return tokens;
    }

    /** The entropy of uniform draws of stage's tokens: sum of log n_k. */
    public static double uniformEntropy(int stage) {
        double h = 0;
        for (int n : Controller.tokensOfStage(stage)) {
            h += Math.log(n);
        }
        return h;
    }

    /** Samples numCandidates from the live controller, scores each, keeps the best topK (descending; ties in draw order). */
    public List<Candidate> topK(ToDoubleFunction<Architecture> score) {
        List<Candidate> scored = new ArrayList<>();
        for (int m = 0; m < numCandidates; m++) {
            Draw d = sample();
            double[] h = d.sample() == null ? new double[hidden] : d.sample().h();
            double[] c = d.sample() == null ? new double[hidden] : d.sample().c();
            scored.add(new Candidate(d.tokens(), score.applyAsDouble(d.architecture()), h, c));
        }
        scored.sort(Comparator.comparingDouble(Candidate::reward).reversed());
        return List.copyOf(scored.subList(0, topK));
    }

    /** Stage growth: the old controller's top-K become the parents of a new controller for the next cell. */
    public List<Candidate> grow(ToDoubleFunction<Architecture> score) {
        if (stage == 2) {
            throw new IllegalStateException("stage 2 searches the last cell: there is no stage to grow into; "
                    + "call finalTopK for the result");
        }
        parents = topK(score);
        stage++;
        reinforce = new Reinforce(new Controller(stage, hidden, rng), originalQuirks);
        return parents;
    }

    /** The search's answer after the last iteration: top-K full 14-int architectures, best first. */
    public List<Candidate> finalTopK(ToDoubleFunction<Architecture> score) {
        if (stage != 2) {
            throw new IllegalStateException("final top-K is taken at stage 2 (all three cells searched), now at stage "
                    + stage + ": grow first");
        }
        return topK(score);
    }

    /** A token prefix of 4, 9 or 14 ints padded with zeros to the 14-int architecture. */
    public static Architecture pad(int[] prefix) {
        if (Arrays.stream(PREFIX_LENGTH).noneMatch(n -> n == prefix.length)) {
            throw new IllegalArgumentException("a token prefix covers whole cells: 4, 9 or 14 ints, got "
                    + prefix.length + ": " + Arrays.toString(prefix));
        }
        return Architecture.of(Arrays.copyOf(prefix, 14));
    }
}
