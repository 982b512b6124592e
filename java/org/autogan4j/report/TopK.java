// The architectures a report ranks: the search's topk.json ({"stage": s, "train_command": "...",
// "architectures": [{"rank", "arch" (14 ints), "reward", "parameters", "multiply_adds", "is_mean",
// "fid", "fid_mode", "kid_mean", "kid_std", "samples"}, ...]}) once the search has written it (a
// topk.json of an older search, with rank, arch and reward only, reads too), or, while it runs, the best
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
import org.autogan4j.io.JsonException;
import org.autogan4j.io.JsonObject;

/** stage: the stage ranked in; fromSearch: true when read from topk.json; trainCommand: null when unknown. */
public record TopK(int stage, List<Entry> entries, boolean fromSearch, String trainCommand) {
    /**
     * One ranked architecture (rank 1 is the best) and what the search measured of it: null (and -1
     * for the counts) where topk.json does not say.
     */
    public record Entry(int rank, Architecture arch, double reward, long parameters, long multiplyAdds, Double isMean,
            Double fid, String fidMode, Double kidMean, Double kidStd, String samples) {
        /** An entry with only its rank, architecture and reward (a running search's best samples). */
        static Entry ranked(int rank, Architecture arch, double reward) {
            return new Entry(rank, arch, reward, -1, -1, null, null, null, null, null, null);
        }
    }

    public TopK {
        entries = List.copyOf(entries);
    }

    /** Reads a topk.json file; a wrong field is a JsonException naming the file and the key. */
    public static TopK read(Path file) throws IOException {
        JsonObject top = Json.readObject(file);
        int stage = top.integer("stage", 0, 2);
        List<Entry> entries = new ArrayList<>();
        for (JsonObject item : top.objects("architectures")) {
            long[] arch = item.integers("arch");
            int[] codes = new int[arch.length];
            for (int k = 0; k < codes.length; k++) {
                codes[k] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, arch[k]));
            }
            int rank = item.integer("rank", 1, Integer.MAX_VALUE);
            double reward = item.number("reward");
            Architecture a;
            try {
                a = Architecture.of(codes);
            } catch (IllegalArgumentException e) {
                throw new JsonException(item.where("arch") + ": " + e.getMessage());
            }
            entries.add(new Entry(rank, a, reward, count(item, "parameters"), count(item, "multiply_adds"),
                    number(item, "is_mean"), number(item, "fid"), text(item, "fid_mode"), number(item, "kid_mean"),
                    number(item, "kid_std"), text(item, "samples")));
        }
        entries.sort(Comparator.comparingInt(Entry::rank));
        return new TopK(stage, entries, true, text(top, "train_command"));
    }

    private static long count(JsonObject item, String key) {
        return item.values().get(key) == null ? -1 : item.integer(key);
    }

    private static Double number(JsonObject item, String key) {
        return item.values().get(key) == null ? null : item.number(key);
    }

    private static String text(JsonObject item, String key) {
        return item.values().get(key) == null ? null : item.string(key);
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
            entries.add(Entry.ranked(i + 1, sorted.get(i).getKey(), sorted.get(i).getValue()));
        }
        return new TopK(stage, entries, false, null);
    }
}
