// The architectures a report ranks: the search's topk.json ({"stage": s, "architectures": [{"rank",
// "arch" (14 ints), "reward"}, ...]}) once the search has written it, or, while it runs, the best
// distinct architectures the controller sampled in the latest stage seen in metrics.csv.
package org.autogan4j.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.autogan4j.gan.Architecture;
import org.autogan4j.io.Json;

/** stage: the stage ranked in; fromSearch: true when read from topk.json. */
public record TopK(int stage, List<Entry> entries, boolean fromSearch) {
    /** One ranked architecture (rank 1 is the best). */
    public record Entry(int rank, Architecture arch, double reward) {
    }

    public TopK {
        entries = List.copyOf(entries);
    }

    /** Reads a topk.json file. */
    public static TopK read(Path file) throws IOException {
        String where = file.toString();
        Object parsed = Json.read(file);
        if (!(parsed instanceof Map<?, ?> top) || !(top.get("stage") instanceof Long stage)
                || !(top.get("architectures") instanceof List<?> list)) {
            throw new IllegalArgumentException(where + " must be an object with an integer \"stage\" and a list "
                    + "\"architectures\"");
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String item = where + " architectures[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> m) || !(m.get("rank") instanceof Long rank)
                    || !(m.get("arch") instanceof List<?> arch) || !(m.get("reward") instanceof Number reward)) {
                throw new IllegalArgumentException(item + " must have an integer \"rank\", a list \"arch\" of 14 "
                        + "ints and a number \"reward\"");
            }
            int[] codes = new int[arch.size()];
            for (int k = 0; k < codes.length; k++) {
                if (!(arch.get(k) instanceof Long code)) {
                    throw new IllegalArgumentException(item + " arch[" + k + "] is " + arch.get(k) + ", not an int");
                }
                codes[k] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, code));
            }
            try {
                entries.add(new Entry(rank.intValue(), Architecture.of(codes), reward.doubleValue()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(item + ": " + e.getMessage(), e);
            }
        }
        entries.sort(Comparator.comparingInt(Entry::rank));
        return new TopK(stage.intValue(), entries, true);
    }

    /** The k best distinct architectures among the controller samples of the latest stage in rows. */
    public static TopK fromControllerSamples(List<MetricsCsv.Row> rows, int k) {
        int stage = -1;
        for (MetricsCsv.Row r : rows) {
            if (r.event() == MetricsCsv.Event.CONTROLLER && r.arch() != null) {
                stage = Math.max(stage, r.stage());
            }
        }
        Map<Architecture, Double> best = new LinkedHashMap<>();
        for (MetricsCsv.Row r : rows) {
            if (r.event() == MetricsCsv.Event.CONTROLLER && r.arch() != null && r.stage() == stage
                    && Double.isFinite(r.reward())) {
                best.merge(r.arch(), r.reward(), Math::max);
            }
        }
        List<Map.Entry<Architecture, Double>> sorted = new ArrayList<>(best.entrySet());
        sorted.sort(Map.Entry.<Architecture, Double>comparingByValue().reversed());
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < Math.min(k, sorted.size()); i++) {
            entries.add(new Entry(i + 1, sorted.get(i).getKey(), sorted.get(i).getValue()));
        }
        return new TopK(stage, entries, false);
    }
}
