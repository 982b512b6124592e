// The pipeline end to end on tiny settings (the tiny search of SearchRunTest, two candidates of 4 G
// steps on 64 Fashion-MNIST images, the winner on to 6, scored on 60 images): every stage's files, a
// winner of lowest screening FID and its final score from its last generator; a pipeline stopped at
// every stage boundary (after the search, after each candidate, after the winner's run, after its
// score) and resumed each time ends with the same candidates, scores, winner, winner's metrics (times
// aside) and final score as the uninterrupted one; bad settings are refused before anything is
// created, and a finished pipeline is refused.
package org.autogan4j.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.autogan4j.gan.Architecture;
import org.autogan4j.gan.GeneratorCost;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineJobTest {
    private static final Log QUIET = Log.silent();

    @TempDir
    static Path dir;
    static PipelineSettings tiny;
    static Path whole;

    @BeforeAll
    static void uninterrupted() throws Exception {
        Path stats = TrainRuns.stats(dir);
        PipelineSettings s = PipelineSettings.preset("fmnist");
        for (String[] t : TrainRuns.tiny(stats, 4, 2)) {
            if (!t[1].equals("arch") && !t[1].equals("g_steps")) {
                s = s.with("train." + t[1], t[2]);
            }
        }
        tiny = new PipelineSettings("fmnist", 2, 4, 6, 60, SearchRunTest.tiny(), s.train()).with("screening_steps", "4");
        whole = dir.resolve("whole");
        PipelineJob.start(tiny, whole, null, QUIET);
    }

    @Test
    void everyStageLeavesItsFilesAndTheWinnerHasTheLowestFid() throws Exception {
        for (String f : new String[] {"config.json", "pipeline.json", "report.html", "plots/fid.png", "plots/is.png",
            "search/topk.json", "search/report.html", "candidates/rank-1/metrics.csv",
            "candidates/rank-2/checkpoints/g-0000004.safetensors"}) {
            assertTrue(Files.isRegularFile(whole.resolve(f)), f);
        }
        PipelineState state = PipelineJob.load(whole.resolve("pipeline.json"));
        assertEquals(PipelineState.DONE, state.stage());
        assertEquals(List.of(1, 2), state.candidates().stream().map(PipelineState.Candidate::rank).toList());
        double low = Math.min(state.candidates().get(0).fid(), state.candidates().get(1).fid());
        assertEquals(low, state.winning().fid());
        Path winner = whole.resolve("candidates/rank-" + state.winner());
        assertTrue(Files.isRegularFile(winner.resolve("checkpoints/g-0000006.safetensors")), "the winner went on to 6");
        assertEquals(6, TrainSettings.load(winner.resolve("config.json")).gSteps());
        Path loser = whole.resolve("candidates/rank-" + (3 - state.winner()));
        assertFalse(Files.exists(loser.resolve("checkpoints/g-0000006.safetensors")), "the other stopped at 4");
        String report = Files.readString(whole.resolve("report.html"));
        assertTrue(report.contains(state.winning().arch()), "the report names the winner");
        assertTrue(report.contains(String.format("candidates/rank-%d/samples/g0000006.png", state.winner())));
        assertTrue(report.contains("search/report.html"));
        GeneratorCost size = GeneratorCost.of(TrainSettings.load(winner.resolve("config.json")).gan(),
                Architecture.parse(state.winning().arch()));
        assertTrue(report.contains("<td>" + size.parameters() + "</td><td>" + size.multiplyAdds() + "</td>"),
                "the winner's parameters and multiply-adds");
        PipelineScores.Final score = PipelineScores.Final.read(whole.resolve("winner.json"));
        assertEquals(6, score.gStep(), "scored at the final step");
        assertEquals(60, score.images(), "on final_eval_images, not the runs' 40");
        EvalJob.Figures again60 = EvalJob.run(new EvalJob.Request(winner.resolve("last.safetensors"), null, 60, null,
                null, null, null, null, "cpu"), QUIET);
        assertEquals(again60.evaluation().fid().value(), score.fid(), "the winner's last generator");
        assertEquals(again60.evaluation().inceptionScore().mean(), score.isMean());
        assertTrue(report.contains(String.format(java.util.Locale.ROOT, "FID %.4f", score.fid())), "the final score");
        IllegalArgumentException again = assertThrows(IllegalArgumentException.class,
                () -> PipelineJob.resume(whole, null, null, QUIET));
        assertTrue(again.getMessage().contains("already finished"), again.getMessage());
    }

    @Test
    void stoppedAtEveryBoundaryAndResumedEqualsTheUninterruptedRun() throws Exception {
        Path run = dir.resolve("stopped");
        assertNull(PipelineJob.start(tiny, run, null, QUIET, "search"));
        assertEquals(PipelineState.CANDIDATES, PipelineJob.load(run.resolve("pipeline.json")).stage());
        for (String stop : new String[] {"candidate-1", "candidate-2", "final", "score"}) {
            assertNull(PipelineJob.resume(run, null, null, QUIET, stop), stop);
        }
        assertEquals(PipelineState.REPORT, PipelineJob.load(run.resolve("pipeline.json")).stage());
        PipelineJob.Outcome o = PipelineJob.resume(run, null, null, QUIET);
        PipelineState a = PipelineJob.load(whole.resolve("pipeline.json"));
        PipelineState b = PipelineJob.load(run.resolve("pipeline.json"));
        assertEquals(a, b, "candidates, their scores and the winner");
        assertEquals(a.winner(), o.winner().rank());
        PipelineScores.Final scoreA = PipelineScores.Final.read(whole.resolve("winner.json"));
        PipelineScores.Final scoreB = PipelineScores.Final.read(run.resolve("winner.json"));
        assertEquals(scoreA.fid(), scoreB.fid(), "the final score");
        assertEquals(scoreA.fid(), o.fid());
        assertEquals(withoutTime(whole.resolve("candidates/rank-" + a.winner())),
                withoutTime(run.resolve("candidates/rank-" + a.winner())));
        assertEquals(Files.readString(whole.resolve("search/metrics.csv")).lines().map(l -> l.replaceFirst("^[^,]*,", ""))
                .toList(), Files.readString(run.resolve("search/metrics.csv")).lines()
                .map(l -> l.replaceFirst("^[^,]*,", "")).toList(), "the search, its time column aside");
    }

    @Test
    void badSettingsAreRefusedBeforeAnythingIsCreated() {
        Path out = dir.resolve("refused");
        IllegalArgumentException many = assertThrows(IllegalArgumentException.class,
                () -> PipelineJob.start(tiny.with("candidates", "3"), out, null, QUIET));
        assertEquals("candidates = 3 is out of range: use an integer in 1..2", many.getMessage());
        IllegalArgumentException shorter = assertThrows(IllegalArgumentException.class,
                () -> PipelineJob.start(tiny.with("final_steps", "3"), out, null, QUIET));
        assertEquals("final_steps = 3 is out of range: use an integer in 4..1000000000", shorter.getMessage());
        IllegalArgumentException arch = assertThrows(IllegalArgumentException.class,
                () -> PipelineJob.start(tiny.with("train.arch", "top1"), out, null, QUIET));
        assertTrue(arch.getMessage().startsWith("train.arch = top1 cannot be set"), arch.getMessage());
        assertFalse(Files.exists(out), "nothing was created");
    }

    private static List<String> withoutTime(Path run) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("metrics.csv"))) {
            String[] cells = line.split(",", -1);
            out.add(String.join(",", List.of(cells).subList(0, 11)));
        }
        return out;
    }
}
