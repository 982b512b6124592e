package org.autogan4j.search;

/**
 * Dynamic resetting (spec 6): d_loss is pushed after every D step and g_loss after every G step
 * into sliding windows (500); on every D step, once the g_loss window is full, a reset triggers if
 * var(g_loss) < 1e-3 OR var(d_loss) < 1e-3. A trigger clears both windows (the caller then stops
 * train_shared and re-creates G, D and their Adams); otherwise the windows persist across search
 * iterations and stage growth. Call afterGStep for a G step, then afterDStep at the end of every D
 * step (the original's order within one iteration).
 */
public final class DynamicReset {
    public static final int WINDOW = 500;
    public static final double THRESHOLD = 1e-3;

    private final RunningStats dLoss;
    private final RunningStats gLoss;
    private final double threshold;
    private long triggers;

    /** The original's settings: window 500, variance threshold 1e-3. */
    public DynamicReset() {
        this(WINDOW, THRESHOLD);
    }

    public DynamicReset(int window, double threshold) {
        if (!(threshold > 0)) {
            throw new IllegalArgumentException("reset threshold is a variance and must be > 0, got " + threshold);
        }
        this.dLoss = new RunningStats(window);
        this.gLoss = new RunningStats(window);
        this.threshold = threshold;
    }

    /** Records a G step's loss. */
    public void afterGStep(double gLossValue) {
        gLoss.push(gLossValue);
    }

    /** Records a D step's loss and checks; true means reset now (both windows are already cleared). */
    public boolean afterDStep(double dLossValue) {
        dLoss.push(dLossValue);
        if (!gLoss.isFull()) {
            return false;
        }
        if (gLoss.variance() < threshold || dLoss.variance() < threshold) {
            gLoss.clear();
            dLoss.clear();
            triggers++;
            return true;
        }
        return false;
    }

    /** Resets triggered so far in this process. */
    public long triggers() {
        return triggers;
    }

    /** The d_loss window (its values() are checkpoint state). */
    public RunningStats dLoss() {
        return dLoss;
    }

    /** The g_loss window (its values() are checkpoint state). */
    public RunningStats gLoss() {
        return gLoss;
    }
}
