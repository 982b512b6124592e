package org.autogan4j.gan;

import java.util.Arrays;

/**
 * One decoded generator cell (spec 1.1-1.2): conv block type, norm, upsampling, in-cell shortcut,
 * and which earlier cells feed it (skipFrom[i] for cell i + 1, oldest first).
 */
public record CellChoice(Conv conv, Norm norm, Up up, boolean shortcut, boolean[] skipFrom) {
    /** C token: 0 post-activation, 1 pre-activation. */
    public enum Conv { POST, PRE }

    /** N token: 0 none, 1 BatchNorm, 2 InstanceNorm. */
    public enum Norm { NONE, BN, IN }

    /** U token: 0 bilinear, 1 nearest, 2 deconv. */
    public enum Up { BILINEAR, NEAREST, DECONV }

    public CellChoice {
        skipFrom = skipFrom.clone();
    }

    @Override
    public boolean[] skipFrom() {
        return skipFrom.clone();
    }

    /** Whether any earlier cell feeds this one. */
    public boolean anySkip() {
        for (boolean flag : skipFrom) {
            if (flag) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        StringBuilder skips = new StringBuilder();
        for (int i = 0; i < skipFrom.length; i++) {
            if (skipFrom[i]) {
                skips.append(skips.length() == 0 ? "" : "+").append("cell").append(i + 1);
            }
        }
        return conv.name().toLowerCase() + ", norm " + norm.name().toLowerCase() + ", up " + up.name().toLowerCase()
                + ", shortcut " + (shortcut ? "on" : "off") + ", skips " + (skips.length() == 0 ? "none" : skips);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CellChoice c && c.conv == conv && c.norm == norm && c.up == up && c.shortcut == shortcut
                && Arrays.equals(c.skipFrom, skipFrom);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(skipFrom) * 31 + (conv.ordinal() * 9 + norm.ordinal() * 3 + up.ordinal()) * 2
                + (shortcut ? 1 : 0);
    }
}
