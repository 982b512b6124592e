package org.autogan4j.search;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * The original's RunningStats (spec 6): the last `window` values and their population variance
 * (0 with fewer than 2 values, as in the original). The variance is computed from the window in two
 * passes rather than the original's incremental update: the same value up to rounding, with no
 * drift. The window contents are the whole state (values(), restore()).
 */
public final class RunningStats {
    private final int window;
    private final ArrayDeque<Double> values = new ArrayDeque<>();

    public RunningStats(int window) {
        if (window < 2) {
            throw new IllegalArgumentException("a variance window needs at least 2 values, got " + window);
        }
        this.window = window;
    }

    public int window() {
        return window;
    }

    /** Appends x, dropping the oldest value once the window is full. */
    public void push(double x) {
        if (values.size() == window) {
            values.removeFirst();
        }
        values.addLast(x);
    }

    public int size() {
        return values.size();
    }

    public boolean isFull() {
        return values.size() == window;
    }

    public void clear() {
        values.clear();
    }

    public double mean() {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return values.isEmpty() ? 0 : s / values.size();
    }

    /** Population variance of the window (divides by the count); 0 with fewer than 2 values. */
    public double variance() {
        if (values.size() < 2) {
            return 0;
        }
        double m = mean();
        double s = 0;
        for (double v : values) {
            s += (v - m) * (v - m);
        }
        return s / values.size();
    }

    /** The window, oldest first (checkpoint state). */
    public double[] values() {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Replaces the window with saved values (oldest first, at most window of them). */
    public void restore(double[] saved) {
        if (saved.length > window) {
            throw new IllegalArgumentException("saved window has " + saved.length + " values but the window is " + window);
        }
        values.clear();
        Arrays.stream(saved).forEach(values::addLast);
    }
}
