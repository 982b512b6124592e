package org.autogan4j.gan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A generator architecture: the 14 ints of spec 1.1 (cell 1: C N U SC at 0..3; cell 2: C N U SC
 * skip at 4..8; cell 3 at 9..13), parsed from and printed as "1,0,1,1,1,0,0,1,1,1,0,1,0,3", checked
 * position by position, and decoded into {@link CellChoice}s.
 */
public final class Architecture {
    private static final String[] TOKENS = {"C", "N", "U", "SC", "skip"};
    private static final int[] OFFSETS = {0, 4, 9};

    /** AutoGAN-top1 (spec 1.8). */
    public static final Architecture TOP1 = parse("1,0,1,1,1,0,0,1,1,1,0,1,0,3");

    private final int[] codes;

    private Architecture(int[] codes) {
        this.codes = codes;
    }

    /** The architecture of these 14 codes; fails naming the first bad position and its range. */
    public static Architecture of(int... codes) {
        if (codes.length != 14) {
            throw new IllegalArgumentException("an architecture has 14 ints (4 for cell 1, 5 each for cells 2 "
                    + "and 3), got " + codes.length + ": " + Arrays.toString(codes));
        }
        for (int i = 0; i < 14; i++) {
            int limit = limit(i);
            if (codes[i] < 0 || codes[i] >= limit) {
                throw new IllegalArgumentException("architecture position " + i + " (" + describe(i) + ") is "
                        + codes[i] + " but must be in 0.." + (limit - 1));
            }
        }
        return new Architecture(codes.clone());
    }

    /** Parses "1,0,1,1,1,0,0,1,1,1,0,1,0,3" (spaces and brackets allowed). */
    public static Architecture parse(String text) {
        String body = text.trim().replaceAll("^\\[|\\]$", "");
        String[] parts = body.split(",");
        int[] codes = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                codes[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("architecture position " + i + " is \"" + parts[i].trim()
                        + "\", not an integer; write 14 comma-separated ints like 1,0,1,1,1,0,0,1,1,1,0,1,0,3");
            }
        }
        return of(codes);
    }

    /** The legal upper bound (exclusive) of position i. */
    private static int limit(int i) {
        int cell = i < 4 ? 0 : i < 9 ? 1 : 2;
        int token = i - OFFSETS[cell];
        return switch (token) {
            case 0, 3 -> 2;
            case 1, 2 -> 3;
            default -> 1 << cell;
        };
    }

    private static String describe(int i) {
        int cell = i < 4 ? 0 : i < 9 ? 1 : 2;
        return "cell " + (cell + 1) + " " + TOKENS[i - OFFSETS[cell]];
    }

    public int[] codes() {
        return codes.clone();
    }

    /** The decoded cell (1, 2 or 3). */
    public CellChoice cell(int index) {
        if (index < 1 || index > 3) {
            throw new IllegalArgumentException("cell index " + index + " must be 1, 2 or 3");
        }
        int o = OFFSETS[index - 1];
        boolean[] skipFrom = new boolean[index - 1];
        if (index > 1) {
            int skip = codes[o + 4];
            for (int bit = 0; bit < skipFrom.length; bit++) {
                skipFrom[skipFrom.length - 1 - bit] = ((skip >> bit) & 1) == 1;
            }
        }
        return new CellChoice(CellChoice.Conv.values()[codes[o]], CellChoice.Norm.values()[codes[o + 1]],
                CellChoice.Up.values()[codes[o + 2]], codes[o + 3] == 1, skipFrom);
    }

    public List<CellChoice> cells() {
        List<CellChoice> out = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            out.add(cell(i));
        }
        return out;
    }

    /** One line per cell, for logs. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        for (int i = 1; i <= 3; i++) {
            out.append("cell ").append(i).append(": ").append(cell(i)).append(i < 3 ? "\n" : "");
        }
        return out.toString();
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            out.append(i == 0 ? "" : ",").append(codes[i]);
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Architecture a && Arrays.equals(a.codes, codes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(codes);
    }
}
