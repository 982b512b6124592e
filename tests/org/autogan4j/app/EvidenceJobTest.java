// The evidence job end to end on tiny settings (the tiny search of SearchRunTest for 2 seeds, both
// methods, 2 random architectures, every candidate trained 4 G steps on 64 Fashion-MNIST images):
// summary.json's runs carry the train runs' own scores and sizes, its means, standard deviations and
// rank-sum p-values are those of the runs, the random searches learned nothing (no baseline); a run
// stopped after 3 of its runs and resumed twice writes the same summary; a run of --only one candidate
// does that one alone and, given the other results, writes the same summary without running more; a
// result of other settings or of another run is refused; bad settings and an unknown --only name are
// refused before anything is created, and a finished run is refused. The summary's arithmetic on hand-made
// candidates: sample standard deviation, none for one value, no p-value when every value ties.
package org.autogan4j.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.autogan4j.gan.Architecture;
import org.autogan4j.gan.GeneratorCost;
import org.autogan4j.io.Json;
import org.autogan4j.io.JsonObject;
import org.autogan4j.metrics.RankSum;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceJobTest {
    private static final Log QUIET = Log.silent();

    @TempDir
    static Path dir;
    static EvidenceSettings tiny;
    static Path whole;

    @BeforeAll
    static void uninterrupted() throws Exception {
        Path stats = TrainRuns.stats(dir);
        EvidenceSettings s = EvidenceSettings.preset("fmnist");
        for (String[] t : TrainRuns.tiny(stats, 4, 4)) {
            if (!t[1].equals("arch") && !t[1].equals("g_steps") && !t[1].equals("eval_every")) {
                s = s.with("train." + t[1], t[2]);
            }
        }
        tiny = new EvidenceSettings("fmnist", 2, 2, 4, 99, SearchRunTest.tiny(), s.train()).with("train_steps", "4");
        whole = dir.resolve("whole");
        EvidenceJob.start(tiny, whole, null, QUIET, null);
    }

    @Test
    void summaryHoldsEveryCandidateAndTheFiguresOfItsRuns() throws Exception {
        JsonObject summary = Json.readObject(whole.resolve("summary.json"));
        assertEquals(4, summary.integer("train_steps"));
        JsonObject methods = summary.object("methods");
        for (String m : EvidenceSummary.METHODS) {
            List<JsonObject> runs = methods.object(m).objects("runs");
            assertEquals(2, runs.size(), m);
            double[] fids = new double[2];
            for (int i = 0; i < 2; i++) {
                JsonObject r = runs.get(i);
                Path run = whole.resolve("train").resolve((m.equals("random-arch") ? "arch" : m + "-seed") + "-" + (i + 1));
                PipelineState.Candidate scored = PipelineScores.at(run, 4, i + 1, r.string("arch"));
                assertEquals(scored.fid(), r.number("fid"), m + " " + i);
                assertEquals(scored.isMean(), r.number("is_mean"));
                assertEquals(4, r.integer("g_steps"));
                GeneratorCost cost = GeneratorCost.of(tiny.trainSettings(r.string("arch")).gan(),
                        Architecture.parse(r.string("arch")));
                assertEquals(cost.parameters(), r.integer("parameters"));
                assertEquals(cost.multiplyAdds(), r.integer("multiply_adds"));
                fids[i] = r.number("fid");
            }
            assertEquals((fids[0] + fids[1]) / 2, methods.object(m).number("fid_mean"), 1e-12);
            assertEquals(Math.abs(fids[0] - fids[1]) / Math.sqrt(2), methods.object(m).number("fid_std"), 1e-9);
        }
        assertEquals(List.of(tiny.search().seed(), tiny.search().seed() + 1), methods.object("rl").objects("runs")
                .stream().map(r -> r.integer("search_seed")).toList());
        double[] rl = fids(methods, "rl");
        assertEquals(RankSum.test(rl, fids(methods, "random-arch")).p(),
                summary.object("rank_sum").object("rl_vs_random_arch").object("fid").number("p"), 1e-15);
        for (String line : Files.readAllLines(whole.resolve("search/random-seed-1/metrics.csv"))) {
            if (line.contains(",controller,")) {
                assertEquals("", line.split(",", -1)[8], "the random search has no baseline: " + line);
            }
        }
        assertTrue(Files.readString(whole.resolve("search/rl-seed-2/metrics.csv")).lines()
                .filter(l -> l.contains(",controller,")).anyMatch(l -> !l.split(",", -1)[8].isEmpty()));
        assertTrue(Files.readString(whole.resolve("summary.md")).contains("| rl | 2 |"));
        IllegalArgumentException again = assertThrows(IllegalArgumentException.class,
                () -> EvidenceJob.resume(whole, null, null, QUIET, null));
        assertTrue(again.getMessage().contains("already finished"), again.getMessage());
    }

    private static double[] fids(JsonObject methods, String m) {
        return methods.object(m).objects("runs").stream().mapToDouble(r -> r.number("fid")).toArray();
    }

    @Test
    void stoppedAndResumedWritesTheSameSummary() throws Exception {
        Path run = dir.resolve("stopped");
        assertNull(EvidenceJob.start(tiny, run, null, QUIET, null, 3));
        assertTrue(Files.isRegularFile(run.resolve("search/random-seed-1/topk.json")));
        assertFalse(Files.exists(run.resolve("train/random-seed-1")), "the fourth run had not begun");
        assertNull(EvidenceJob.resume(run, null, null, QUIET, null, 4));
        EvidenceJob.Outcome o = EvidenceJob.resume(run, null, null, QUIET, null);
        assertEquals(Files.readString(whole.resolve("summary.json")), Files.readString(o.summaryFile()));
    }

    @Test
    void runsSharedWithOnlyAndGatheredWriteTheSameSummary() throws Exception {
        Path part = dir.resolve("part");
        EvidenceJob.Outcome o = EvidenceJob.start(tiny, part, null, QUIET, Set.of("arch-2"));
        assertEquals(1, o.done());
        assertEquals(List.of("rl-seed-1", "random-seed-1", "rl-seed-2", "random-seed-2", "arch-1"), o.missing());
        assertNull(o.summaryFile());
        assertTrue(o.summary().contains("not run yet: rl-seed-1, random-seed-1, rl-seed-2, random-seed-2, arch-1"),
                o.summary());
        assertFalse(Files.exists(part.resolve("search")), "no search ran");
        assertFalse(Files.exists(part.resolve("summary.json")));
        Path results = part.resolve(EvidenceResults.FOLDER);
        assertEquals(Files.readString(whole.resolve("results/arch-2.json")), Files.readString(results.resolve(
                "arch-2.json")), "the same candidate as the whole run's");
        for (String name : List.of("rl-seed-1", "random-seed-1", "rl-seed-2", "random-seed-2", "arch-1")) {
            Files.copy(whole.resolve("results").resolve(name + ".json"), results.resolve(name + ".json"));
        }
        EvidenceJob.Outcome gathered = EvidenceJob.resume(part, null, null, QUIET, null);
        assertEquals(List.of(), gathered.missing());
        assertEquals(Files.readString(whole.resolve("summary.json")), Files.readString(gathered.summaryFile()));
        assertFalse(Files.exists(part.resolve("search")), "the gathered results ran nothing");
        assertEquals(List.of("arch-2"), names(part.resolve("train")));
    }

    private static List<String> names(Path folder) throws Exception {
        try (var s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aResultOfOtherSettingsOrAnotherRunIsRefused() throws Exception {
        Path other = dir.resolve("other-settings");
        Files.createDirectories(other.resolve("results"));
        Files.writeString(other.resolve(RunFolder.CONFIG), Json.write(RecordJson.write(tiny.with("train.config.lr", "0.001")))
                + "\n", StandardCharsets.UTF_8);
        Files.copy(whole.resolve("results/arch-2.json"), other.resolve("results/arch-2.json"));
        IllegalArgumentException settings = assertThrows(IllegalArgumentException.class,
                () -> EvidenceJob.resume(other, null, null, QUIET, Set.of("arch-2")));
        assertTrue(settings.getMessage().endsWith("arch-2.json was made under other settings than this run's "
                + "config.json: remove it (--resume runs that candidate again), or gather only the results of runs with "
                + "the same settings"), settings.getMessage());
        Path renamed = dir.resolve("renamed");
        Files.createDirectories(renamed.resolve("results"));
        Files.copy(whole.resolve(RunFolder.CONFIG), renamed.resolve(RunFolder.CONFIG));
        Files.copy(whole.resolve("results/arch-2.json"), renamed.resolve("results/arch-1.json"));
        IllegalArgumentException run = assertThrows(IllegalArgumentException.class,
                () -> EvidenceJob.resume(renamed, null, null, QUIET, Set.of("arch-2")));
        assertTrue(run.getMessage().endsWith("arch-1.json holds the result of random-arch candidate 2, not of arch-1: "
                + "remove it and --resume runs that candidate again"), run.getMessage());
        assertFalse(Files.exists(renamed.resolve("train")), "nothing ran");
    }

    @Test
    void badSettingsAreRefusedBeforeAnythingIsCreated() {
        Path out = dir.resolve("refused");
        IllegalArgumentException method = assertThrows(IllegalArgumentException.class,
                () -> EvidenceJob.start(tiny.with("search.search_method", "random"), out, null, QUIET, null));
        assertTrue(method.getMessage().startsWith("search.search_method = random cannot be set"), method.getMessage());
        IllegalArgumentException seeds = assertThrows(IllegalArgumentException.class,
                () -> EvidenceJob.start(tiny.with("seeds", "0"), out, null, QUIET, null));
        assertEquals("seeds = 0 is out of range: use an integer in 1..1000", seeds.getMessage());
        IllegalArgumentException only = assertThrows(IllegalArgumentException.class,
                () -> EvidenceJob.start(tiny, out, null, QUIET, Set.of("arch-3")));
        assertEquals("--only arch-3 is not a run of this evidence job; its runs are rl-seed-1, random-seed-1, "
                + "rl-seed-2, random-seed-2, arch-1, arch-2", only.getMessage());
        assertFalse(Files.exists(out), "nothing was created");
    }

    @Test
    @SuppressWarnings("unchecked")
    void summaryArithmetic(@TempDir Path tmp) throws Exception {
        List<EvidenceRuns.Candidate> all = List.of(candidate("rl", 1, 10.0), candidate("rl", 2, 14.0),
                candidate("rl", 3, 12.0), candidate("random", 1, 20.0), candidate("random-arch", 1, 12.0),
                candidate("random-arch", 2, 12.0));
        Map<String, Object> json = EvidenceSummary.write(tmp, tiny, all);
        Map<String, Object> rl = (Map<String, Object>) ((Map<String, Object>) json.get("methods")).get("rl");
        assertEquals(12.0, rl.get("fid_mean"));
        assertEquals(2.0, (double) rl.get("fid_std"), 1e-12, "sample std of 10, 14, 12");
        Map<String, Object> random = (Map<String, Object>) ((Map<String, Object>) json.get("methods")).get("random");
        assertNull(random.get("fid_std"), "no std of one value");
        Map<String, Object> arch = (Map<String, Object>) ((Map<String, Object>) json.get("rank_sum")).get("rl_vs_random");
        assertEquals(RankSum.test(new double[] {10, 14, 12}, new double[] {20}).p(),
                ((Map<String, Object>) arch.get("fid")).get("p"));
        Map<String, Object> tied = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) json
                .get("rank_sum")).get("rl_vs_random")).get("is");
        assertNull(tied.get("p"), "every IS is 5: no test");
        assertEquals("the rank-sum test is undefined when every value is the same", tied.get("why_none"));
    }

    private static EvidenceRuns.Candidate candidate(String method, int number, double fid) {
        return new EvidenceRuns.Candidate(method, number, null, Architecture.TOP1.toString(), 4, fid, "fmnist-scorer",
                5.0, 0.1, 1000, 2000);
    }
}
