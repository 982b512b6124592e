// The range checks every settings record (search, train) and every command's numeric flags go
// through, and the size limits they share. A refusal is one line naming the setting, the value and
// the allowed range. The limits keep every allocation a setting controls far below the memory of one
// machine (a width or batch of 2e9 would otherwise ask for terabytes deep inside a kernel).
package org.autogan4j.app;

import java.util.Locale;

import org.autogan4j.io.FloatText;

final class SettingChecks {
    /** Latent size, G and D widths, controller hidden size: 8x the paper's largest (256). */
    static final int MAX_WIDTH = 2048;
    /** D and G batch sizes: 32x the paper's largest (128). */
    static final int MAX_BATCH = 4096;
    /** Floats in the largest activation (batch x width x side^2): 2^30 floats = 4 GiB. */
    static final long MAX_ACTIVATION = 1L << 30;
    /** Images per evaluation or reward: 4x the paper's 50,000 evaluation images. */
    static final int MAX_IMAGES = 200_000;
    /** Images per scorer forward: InceptionV3 at 500 images needs about 3 GiB of activations. */
    static final int MAX_EVAL_BATCH = 500;
    /** Images in one sample grid (a 32x32 grid of images). */
    static final int MAX_SAMPLES = 1024;
    /** D steps per G step: the paper uses 5. */
    static final int MAX_N_CRITIC = 100;
    /** Candidates per growth and the dynamic-reset window length. */
    static final int MAX_CANDIDATES = 1000;
    static final int MAX_WINDOW = 1_000_000;
    /** Step and iteration counts: beyond this a run would take years. */
    static final long MAX_STEPS = 1_000_000_000L;
    /** Seeds up to 18 digits: JSON readers keep larger integers only approximately. */
    static final long MAX_SEED = 999_999_999_999_999_999L;

    private SettingChecks() {
    }

    /** name's value must be an integer in min..max. */
    static void count(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " = " + value + " is out of range: use an integer in " + min + ".."
                    + max);
        }
    }

    /** name's value must be a finite number in [min, max] (minOpen / maxOpen exclude the end). */
    static void number(String name, double value, double min, boolean minOpen, double max, boolean maxOpen) {
        inRange(name, value, Double.toString(value), min, minOpen, max, maxOpen);
    }

    /** A float setting: as number, the value shown as its shortest decimal (1.1, not 1.100000023841858). */
    static void floatNumber(String name, float value, double min, boolean minOpen, double max, boolean maxOpen) {
        inRange(name, value, FloatText.shortest(value), min, minOpen, max, maxOpen);
    }

    private static void inRange(String name, double value, String shown, double min, boolean minOpen, double max,
            boolean maxOpen) {
        boolean ok = Double.isFinite(value) && (minOpen ? value > min : value >= min)
                && (maxOpen ? value < max : value <= max);
        if (!ok) {
            throw new IllegalArgumentException(name + " = " + shown + " is out of range: use a finite number in "
                    + (minOpen ? "(" : "[") + plain(min) + ", " + plain(max) + (maxOpen ? ")" : "]"));
        }
    }

    /** The largest activation, batch x width x side^2 floats, must stay under MAX_ACTIVATION. */
    static void activation(String what, long batch, long width, long side) {
        long floats = batch * width * side * side;
        if (floats > MAX_ACTIVATION) {
            throw new IllegalArgumentException(what + " = " + batch + " x " + width + " x " + side + "^2 = " + floats
                    + " floats per activation, more than " + MAX_ACTIVATION + " (4 GiB): lower the batch or the width");
        }
    }

    /** One of the allowed words (case-insensitive). */
    static String oneOf(String name, String value, String... allowed) {
        for (String a : allowed) {
            if (a.equalsIgnoreCase(value.trim())) {
                return a;
            }
        }
        throw new IllegalArgumentException(name + " = \"" + value + "\" is not one of " + String.join(", ", allowed));
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.format(Locale.ROOT, "%g", v);
    }
}
