// Axis ticks at "nice" values for the report's plots: a step of 1, 2, 2.5 or 5 times a power of ten,
// chosen so that at most maxTicks ticks cover [lo, hi], starting and ending on a multiple of the
// step. A zero-width range is widened around its value first. Labels print the decimals the step
// needs and nothing more.
package org.autogan4j.report;

import java.util.Locale;

final class NiceTicks {
    private static final double[] MANTISSAS = {1, 2, 2.5, 5, 10};

    private NiceTicks() {
    }

    /** Tick values covering [lo, hi] (both finite), first <= lo, last >= hi. */
    static double[] of(double lo, double hi, int maxTicks) {
        if (!(lo <= hi) || Double.isInfinite(lo) || Double.isInfinite(hi) || maxTicks < 2) {
            throw new IllegalArgumentException("ticks need a finite range lo <= hi and maxTicks >= 2, got [" + lo
                    + ", " + hi + "], " + maxTicks);
        }
        if (hi - lo <= Math.abs(hi) * 1e-12) {
            double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
            lo -= pad;
            hi += pad;
        }
        double step = step(hi - lo, maxTicks - 1);
        long first = (long) Math.floor(lo / step + 1e-9);
        long last = (long) Math.ceil(hi / step - 1e-9);
        while (last - first + 1 > maxTicks) {
            step = step(step * 1.0001 * (maxTicks - 1), maxTicks - 1);
            first = (long) Math.floor(lo / step + 1e-9);
            last = (long) Math.ceil(hi / step - 1e-9);
        }
        double[] ticks = new double[(int) (last - first + 1)];
        for (int i = 0; i < ticks.length; i++) {
            ticks[i] = (first + i) * step;
        }
        return ticks;
    }

    /** The smallest nice step with at most intervals steps across span. */
    private static double step(double span, int intervals) {
        double raw = span / intervals;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : MANTISSAS) {
            if (m * power >= raw * (1 - 1e-9)) {
                return m * power;
            }
        }
        return 10 * power;
    }

    /** value printed with as many decimals as the spacing of ticks needs. */
    static String format(double value, double[] ticks) {
        double step = ticks.length > 1 ? ticks[1] - ticks[0] : 1;
        int exponent = (int) Math.floor(Math.log10(step) + 1e-9);
        boolean quarter = Math.abs(step / Math.pow(10, exponent) - 2.5) < 1e-6;
        int decimals = Math.max(0, -exponent + (quarter ? 1 : 0));
        String text = String.format(Locale.ROOT, "%." + decimals + "f", value);
        return text.matches("-0(\\.0*)?") ? text.substring(1) : text;
    }
}
