// The figures of a finished evidence run, docs-ready: summary.json holds, per method (rl, random,
// random-arch), every candidate (search seed, architecture, FID with its mode, IS, G steps, parameters,
// multiply-adds), the mean and sample standard deviation (n - 1; null for one value) of FID and IS, and
// the two-sided rank-sum p-values (metrics.RankSum) of rl against random and against random-arch, for
// FID and for IS; summary.md is the same as a Markdown table for docs/evidence/README.md. A candidate
// whose score is not finite is left out of that score's figures (its count says so).
package org.autogan4j.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.autogan4j.io.AtomicFile;
import org.autogan4j.io.Json;
import org.autogan4j.metrics.RankSum;

final class EvidenceSummary {
    static final String JSON = "summary.json";
    static final String MARKDOWN = "summary.md";
    static final String[] METHODS = {EvidenceRuns.RL, EvidenceRuns.RANDOM, EvidenceRuns.RANDOM_ARCH};

    private EvidenceSummary() {
    }

    /** Writes summary.json and summary.md into root; returns the JSON object written. */
    static Map<String, Object> write(Path root, EvidenceSettings settings, List<EvidenceRuns.Candidate> all)
            throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("dataset", settings.search().dataset());
        json.put("seeds", settings.seeds());
        json.put("random_archs", settings.randomArchs());
        json.put("train_steps", settings.trainSteps());
        json.put("search_iterations", settings.search().maxSearchIter());
        json.put("reward", SearchReward.kind(settings.search()));
        Map<String, Object> methods = new LinkedHashMap<>();
        for (String m : METHODS) {
            List<EvidenceRuns.Candidate> runs = of(all, m);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("runs", runs.stream().map(c -> RecordJson.write(c)).toList());
            put(entry, "fid", values(runs, EvidenceRuns.Candidate::fid));
            put(entry, "is", values(runs, EvidenceRuns.Candidate::isMean));
            methods.put(m, entry);
        }
        json.put("methods", methods);
        Map<String, Object> tests = new LinkedHashMap<>();
        tests.put("rl_vs_random", test(all, EvidenceRuns.RANDOM));
        tests.put("rl_vs_random_arch", test(all, EvidenceRuns.RANDOM_ARCH));
        json.put("rank_sum", tests);
        AtomicFile.write(root.resolve(JSON), (Json.write(json) + "\n").getBytes(StandardCharsets.UTF_8));
        AtomicFile.write(root.resolve(MARKDOWN), markdown(json).getBytes(StandardCharsets.UTF_8));
        return json;
    }

    private static List<EvidenceRuns.Candidate> of(List<EvidenceRuns.Candidate> all, String method) {
        return all.stream().filter(c -> c.method().equals(method)).toList();
    }

    static double[] values(List<EvidenceRuns.Candidate> runs, Function<EvidenceRuns.Candidate, Double> score) {
        return runs.stream().map(score).filter(Objects::nonNull).mapToDouble(Double::doubleValue).toArray();
    }

    private static void put(Map<String, Object> entry, String name, double[] v) {
        entry.put(name + "_n", v.length);
        entry.put(name + "_mean", v.length == 0 ? null : mean(v));
        entry.put(name + "_std", v.length < 2 ? null : std(v));
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /** The sample standard deviation (n - 1 in the denominator). */
    static double std(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }

    private static Map<String, Object> test(List<EvidenceRuns.Candidate> all, String other) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String score : new String[] {"fid", "is"}) {
            Function<EvidenceRuns.Candidate, Double> f = score.equals("fid") ? EvidenceRuns.Candidate::fid
                    : EvidenceRuns.Candidate::isMean;
            Map<String, Object> r = new LinkedHashMap<>();
            try {
                RankSum.Result t = RankSum.test(values(of(all, EvidenceRuns.RL), f), values(of(all, other), f));
                r.put("u", t.u());
                r.put("z", t.z());
                r.put("p", t.p());
            } catch (IllegalArgumentException e) {
                r.put("p", null);
                r.put("why_none", e.getMessage());
            }
            out.put(score, r);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static String markdown(Map<String, Object> json) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%s, %s search seeds, %s random architectures, "
                + "%s G steps each, reward %s\n\n| method | n | FID mean | FID std | IS mean | IS std |\n"
                + "|---|---|---|---|---|---|\n", json.get("dataset"), json.get("seeds"), json.get("random_archs"),
                json.get("train_steps"), json.get("reward")));
        Map<String, Object> methods = (Map<String, Object>) json.get("methods");
        for (String m : METHODS) {
            Map<String, Object> e = (Map<String, Object>) methods.get(m);
            s.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |\n", m, e.get("fid_n"),
                    number(e.get("fid_mean")), number(e.get("fid_std")), number(e.get("is_mean")), number(e.get("is_std"))));
        }
        Map<String, Object> tests = (Map<String, Object>) json.get("rank_sum");
        List<String> lines = new ArrayList<>();
        for (String t : tests.keySet()) {
            Map<String, Object> r = (Map<String, Object>) tests.get(t);
            lines.add(String.format(Locale.ROOT, "%s: p(FID) %s, p(IS) %s", t.replace('_', ' '),
                    number(((Map<String, Object>) r.get("fid")).get("p")), number(((Map<String, Object>) r.get("is"))
                    .get("p"))));
        }
        return s.append("\n").append("Rank-sum, two-sided: ").append(String.join("; ", lines))
                .append("\n").toString();
    }

    private static String number(Object v) {
        return v instanceof Double d ? String.format(Locale.ROOT, "%.4g", d) : "-";
    }
}
