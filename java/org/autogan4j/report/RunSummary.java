// The figures of a search run's progress, computed from its metrics.csv rows: iterations finished,
// stages seen, dynamic resets, elapsed wall-clock time and D steps. (The run's result, the final top-1,
// is topk.json's: see TopK.)
package org.autogan4j.report;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;

import org.autogan4j.report.MetricsCsv.Event;
import org.autogan4j.report.MetricsCsv.Row;

/** dSteps is -1 when no row has a D step. */
public record RunSummary(int iterations, SortedSet<Integer> stages, int resets, double elapsedS, long dSteps) {
    public static RunSummary of(List<Row> rows) {
        SortedSet<Integer> iterations = new TreeSet<>();
        SortedSet<Integer> stages = new TreeSet<>();
        int resets = 0;
        double elapsed = 0;
        long dSteps = -1;
        for (Row r : rows) {
            elapsed = Math.max(elapsed, r.timeS());
            dSteps = Math.max(dSteps, r.dStep());
            if (r.stage() >= 0) {
                stages.add(r.stage());
            }
            if (r.event() == Event.ITERATION) {
                iterations.add(r.iteration());
            } else if (r.event() == Event.RESET) {
                resets++;
            }
        }
        return new RunSummary(iterations.size(), Collections.unmodifiableSortedSet(stages), resets, elapsed, dSteps);
    }

    /** seconds as "1 h 02 min 03 s", "4 min 05 s" or "7 s". */
    public static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%d h %02d min %02d s", s / 3600, s / 60 % 60, s % 60);
        }
        return s >= 60 ? String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60) : s + " s";
    }
}
