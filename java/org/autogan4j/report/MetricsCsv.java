// Reads a search run's metrics.csv (one row per search event, written by org.autogan4j.search) into
// typed rows. The header must be exactly HEADER, or OLD_HEADER (files written before the reward_kind
// column: their rewards are all the Inception Score, so they read as "is"); an empty field means "not applicable" and reads as
// NaN (decimals), -1 (counts) or null (arch). A malformed line is an error naming its line number,
// except the last line of a file that does not end in a newline: that is what a killed run leaves
// mid-write, so it is kept when it parses and dropped when it does not.
package org.autogan4j.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.autogan4j.gan.Architecture;

public final class MetricsCsv {
    /** The header line, exactly. */
    public static final String HEADER = "time_s,iteration,stage,event,d_step,d_loss,g_loss,reward,baseline,entropy,arch,"
            + "reward_kind";
    /** The header before reward_kind existed. */
    public static final String OLD_HEADER = "time_s,iteration,stage,event,d_step,d_loss,g_loss,reward,baseline,entropy,arch";

    /** The kinds of row, named in the event column in lower case. */
    public enum Event { SHARED, RESET, CONTROLLER, GROW, FINAL, ITERATION }

    /**
     * One event. iteration, stage and dStep are -1 and the decimals NaN where the field is empty;
     * arch and rewardKind are null where they are empty.
     */
    public record Row(double timeS, int iteration, int stage, Event event, long dStep, double dLoss, double gLoss,
            double reward, double baseline, double entropy, Architecture arch, String rewardKind) {
    }

    private MetricsCsv() {
    }

    /** Reads file. */
    public static List<Row> read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /** Parses text, naming source in errors. */
    public static List<Row> parse(String text, String source) {
        String[] lines = text.split("\n", -1);
        boolean lastIsPartial = !text.endsWith("\n");
        int count = lastIsPartial ? lines.length : lines.length - 1;
        boolean old = count > 0 && stripCr(lines[0]).equals(OLD_HEADER);
        if (count == 0 || !(old || stripCr(lines[0]).equals(HEADER))) {
            throw new IllegalArgumentException(source + " line 1: the header must be \"" + HEADER + "\", got \""
                    + (count == 0 ? "" : stripCr(lines[0])) + "\"; is this a metrics.csv of autogan4j search?");
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            String line = stripCr(lines[i]);
            boolean partial = lastIsPartial && i == count - 1;
            if (line.isEmpty() && partial) {
                continue;
            }
            try {
                rows.add(row(line, old));
            } catch (IllegalArgumentException e) {
                if (!partial) {
                    throw new IllegalArgumentException(source + " line " + (i + 1) + ": " + e.getMessage()
                            + " (line: \"" + line + "\")", e);
                }
            }
        }
        return rows;
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static Row row(String line, boolean old) {
        String[] f = line.split(",", -1);
        int columns = old ? 11 : 12;
        if (f.length != columns) {
            throw new IllegalArgumentException("expected " + columns + " comma-separated fields, got " + f.length);
        }
        double time = decimal(f[0], "time_s");
        if (Double.isNaN(time)) {
            throw new IllegalArgumentException("time_s is empty");
        }
        return new Row(time, (int) count(f[1], "iteration", Integer.MAX_VALUE), (int) count(f[2], "stage", 2),
                event(f[3]), count(f[4], "d_step", Long.MAX_VALUE),
                decimal(f[5], "d_loss"), decimal(f[6], "g_loss"), decimal(f[7], "reward"), decimal(f[8], "baseline"),
                decimal(f[9], "entropy"), arch(f[10]), old ? (f[7].isEmpty() ? null : "is")
                : f[11].isEmpty() ? null : f[11]);
    }

    private static Event event(String field) {
        for (Event e : Event.values()) {
            if (e.name().toLowerCase(Locale.ROOT).equals(field)) {
                return e;
            }
        }
        throw new IllegalArgumentException("event \"" + field + "\" is not one of shared, reset, controller, grow, "
                + "final, iteration");
    }

    private static double decimal(String field, String name) {
        if (field.isEmpty()) {
            return Double.NaN;
        }
        if (!field.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?|[-+]?Infinity|NaN")) {
            throw new IllegalArgumentException(name + " \"" + field + "\" is not a number");
        }
        return Double.parseDouble(field);
    }

    private static long count(String field, String name, long max) {
        if (field.isEmpty()) {
            return -1;
        }
        if (!field.matches("\\d{1,18}") || Long.parseLong(field) > max) {
            throw new IllegalArgumentException(name + " \"" + field + "\" is not an integer in 0.." + max);
        }
        return Long.parseLong(field);
    }

    private static Architecture arch(String field) {
        if (field.isEmpty()) {
            return null;
        }
        if (!field.matches("\\d+(-\\d+){13}")) {
            throw new IllegalArgumentException("arch \"" + field + "\" is not 14 ints joined by '-'");
        }
        return Architecture.parse(field.replace('-', ','));
    }
}
