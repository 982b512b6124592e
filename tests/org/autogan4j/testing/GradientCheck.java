// The gradient checker of DESIGN.md: compares a kernel's analytic gradients with central
// differences computed in double. The loss is sum(y * dy) for a seeded random dy, so the analytic
// side is the backward applied to dy. Caffe's criterion |a - n| <= t * max(|a|, |n|, 1); elements
// near a kink (a predicate from the caller) are skipped; large inputs are sampled (seeded).
package org.autogan4j.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

public final class GradientCheck {
    /** Finite-difference step: big enough that float32 rounding of y (~1e-7 relative) stays far
     *  below the difference, small enough that the O(step^2) truncation of smooth ops is ~1e-4. */
    public static final double STEP = 1e-2;
    /** Caffe's threshold for float32 kernels: the rounding and truncation above stay well below it. */
    public static final double THRESHOLD = 1e-2;
    /** The default std of the random dy: gradients mostly above Caffe's floor of 1, where the
     *  criterion is relative (below it, errors under 1e-2 absolute would pass unseen). */
    public static final double DEFAULT_DY_SCALE = 4;
    /** At most this many elements of one input are checked (a seeded sample), to keep tests fast. */
    public static final int MAX_SAMPLES = 150;
    /** The seed of dy and of the element samples: every run checks the same elements. */
    private static final long SEED = 20190812L;

    /** inputs -> y (the kernel's forward output, flattened). Must not modify inputs. */
    @FunctionalInterface
    public interface Forward {
        float[] apply(float[][] inputs);
    }

    /** (inputs, dy) -> d(sum(y * dy)) / d(input) per input, null where an input is not checked. */
    @FunctionalInterface
    public interface Backward {
        float[][] apply(float[][] inputs, float[] dy);
    }

    /** True where element index of input lies so near a kink that a difference quotient is meaningless. */
    @FunctionalInterface
    public interface Kink {
        boolean near(int input, int index, float[][] inputs);
    }

    private final String what;
    private final List<String> names = new ArrayList<>();
    private final List<float[]> inputs = new ArrayList<>();
    private double dyScale = DEFAULT_DY_SCALE;
    private double step = STEP;
    private Kink kink = (input, index, values) -> false;

    /** A check named what (used in failure messages). */
    public GradientCheck(String what) {
        this.what = what;
    }

    /** Adds an input (in the order forward and backward receive them). */
    public GradientCheck input(String name, float[] values) {
        names.add(name);
        inputs.add(values.clone());
        return this;
    }

    /** The std of the random dy; raise it for ops whose gradients are small (a mean over n, W / sigma). */
    public GradientCheck dyScale(double scale) {
        dyScale = scale;
        return this;
    }

    /** The finite-difference step; smaller than STEP for whole networks, whose hidden ReLUs a
     *  large step would cross (kinks that no input predicate can see). */
    public GradientCheck step(double h) {
        step = h;
        return this;
    }

    /** Elements for which kinkPredicate is true are not checked. */
    public GradientCheck skipKinks(Kink kinkPredicate) {
        kink = kinkPredicate;
        return this;
    }

    /** Runs the check; fails naming the worst element of the first input that fails. */
    public void run(Forward forward, Backward backward) {
        float[][] base = copy();
        float[] dy = Tensors.times(Tensors.randn(SEED, forward.apply(copy()).length), (float) dyScale);
        float[][] analytic = backward.apply(copy(), dy);
        if (analytic.length != base.length) {
            fail(what + ": backward returned " + analytic.length + " gradients for " + base.length + " inputs");
        }
        int checkedInputs = 0;
        for (int i = 0; i < base.length; i++) {
            if (analytic[i] != null) {
                checkInput(i, base, analytic[i], dy, forward);
                checkedInputs++;
            }
        }
        if (checkedInputs == 0) {
            fail(what + ": backward returned no gradient to check");
        }
    }

    private void checkInput(int input, float[][] base, float[] gradient, float[] dy, Forward forward) {
        String name = names.get(input);
        if (gradient.length != base[input].length) {
            fail(what + ": gradient of " + name + " has " + gradient.length + " elements, the input "
                    + base[input].length);
        }
        int checked = 0;
        int failed = 0;
        int worst = -1;
        double worstRatio = 0;
        double worstNumeric = 0;
        for (int index : sample(base[input].length, SEED + 7919L * (input + 1))) {
            if (kink.near(input, index, base)) {
                continue;
            }
            double numeric = numericGradient(input, index, dy, forward);
            double a = gradient[index];
            double scale = Math.max(Math.max(Math.abs(a), Math.abs(numeric)), 1.0);
            double ratio = Math.abs(a - numeric) / (THRESHOLD * scale);
            checked++;
            if (!(ratio <= 1.0)) {
                failed++;
            }
            if (!(ratio <= worstRatio)) {
                worstRatio = ratio;
                worst = index;
                worstNumeric = numeric;
            }
        }
        if (checked == 0) {
            fail(what + ": every sampled element of " + name + " was skipped as a kink; nothing was checked");
        }
        if (failed > 0) {
            fail(what + ": d loss / d " + name + " fails Caffe's |a-n| <= " + THRESHOLD + "*max(|a|,|n|,1) at "
                    + failed + " of " + checked + " checked elements; worst [" + worst + "] analytic "
                    + gradient[worst] + " numeric " + worstNumeric);
        }
    }

    /** Central difference of sum(y * dy) at element index of input, in double. */
    private double numericGradient(int input, int index, float[] dy, Forward forward) {
        float[][] work = copy();
        float x = work[input][index];
        float plus = (float) (x + step);
        float minus = (float) (x - step);
        work[input][index] = plus;
        double lossPlus = loss(forward.apply(work), dy);
        work = copy();
        work[input][index] = minus;
        double lossMinus = loss(forward.apply(work), dy);
        return (lossPlus - lossMinus) / ((double) plus - (double) minus);
    }

    private static double loss(float[] y, float[] dy) {
        if (y.length != dy.length) {
            throw new IllegalStateException("forward returned " + y.length + " values, first " + dy.length);
        }
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            sum += (double) y[i] * dy[i];
        }
        return sum;
    }

    /** All indices of an array of length n, or MAX_SAMPLES distinct ones drawn with sampleSeed. */
    private static int[] sample(int n, long sampleSeed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (n <= MAX_SAMPLES) {
            return order;
        }
        Random random = new Random(sampleSeed);
        for (int i = 0; i < MAX_SAMPLES; i++) {
            int j = i + random.nextInt(n - i);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return Arrays.copyOf(order, MAX_SAMPLES);
    }

    private float[][] copy() {
        float[][] out = new float[inputs.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = inputs.get(i).clone();
        }
        return out;
    }
}
