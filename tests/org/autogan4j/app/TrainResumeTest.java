// train --resume continues exactly: a tiny run stopped after its first checkpoint (G step 2 of 6) and
// resumed ends with the same files as the uninterrupted run (metrics, best and last generator, samples,
// the final state checkpoint), the best-FID checkpoint included; with its newest checkpoint damaged it
// falls back to the one before and still ends the same; an edited config.json is refused naming the
// difference, a finished run is refused, and neither changes a file; a run killed with SIGKILL in a
// child JVM after its first checkpoint resumes to the same files too.
package org.autogan4j.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.autogan4j.cli.Main;
import org.autogan4j.io.Checkpoint;
import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;
import org.autogan4j.testing.ChildJvm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainResumeTest {
    @TempDir
    static Path dir;
    static Path stats;
    static Path whole;

    @BeforeAll
    static void uninterrupted() throws Exception {
        stats = TrainRuns.stats(dir);
        whole = dir.resolve("whole");
        TrainJob.start(TrainRuns.settings(TrainRuns.tiny(stats, 6, 2)), whole, null, TrainRuns.QUIET);
    }

    private static Path stopped(String name) throws Exception {
        Path run = dir.resolve(name);
        TrainJob.Outcome o = TrainJob.start(TrainRuns.settings(TrainRuns.tiny(stats, 6, 2)), run, null, TrainRuns.QUIET,
                2);
        assertEquals(2, o.gSteps(), "stopped after the checkpoint at G step 2");
        return run;
    }

    @Test
    void aResumedRunEqualsTheUninterruptedOne() throws Exception {
        Path run = stopped("stopped");
        assertFalse(Files.exists(run.resolve("checkpoints/g-0000004.safetensors")));
        TrainJob.Outcome o = TrainJob.resume(run, null, null, TrainRuns.QUIET);
        assertEquals(6, o.gSteps());
        TrainRuns.assertSameRun(whole, run);
    }

    @Test
    void aDamagedNewestCheckpointFallsBackToTheOneBefore() throws Exception {
        Path run = stopped("damaged");
        TrainJob.resume(run, null, null, TrainRuns.QUIET);
        Path newest = run.resolve("checkpoints/g-0000006.safetensors");
        Map<String, Object> sidecar = new LinkedHashMap<>(Checkpoint.readSidecar(newest));
        @SuppressWarnings("unchecked")
        Map<String, Object> state = new LinkedHashMap<>((Map<String, Object>) sidecar.get("state"));
        state.remove("finished");
        sidecar.put("state", state);
        Map<String, Tensor> tensors = Checkpoint.readTensors(newest, Device.CPU);
        try {
            Checkpoint.save(newest, tensors, sidecar);
        } finally {
            tensors.values().forEach(Tensor::close);
        }
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        TrainJob.resume(run, null, null, Log.lines(new PrintStream(log, true, StandardCharsets.UTF_8)));
        String text = log.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("warning: checkpoint g-0000006 is damaged: state.finished is missing; trying the one "
                + "before"), text);
        assertTrue(text.contains("resuming " + run + " after G step 4"), text);
        TrainRuns.assertSameRun(whole, run);
    }

    @Test
    void anEditedConfigOrAFinishedRunIsRefusedChangingNothing() throws Exception {
        Path run = stopped("edited");
        Path config = run.resolve("config.json");
        String original = Files.readString(config);
        Files.writeString(config, original.replace("\"gf_dim\":8", "\"gf_dim\":16"));
        byte[] metrics = Files.readAllBytes(run.resolve("metrics.csv"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainJob.resume(run, null, null, TrainRuns.QUIET));
        assertEquals(run + " has no checkpoint to resume from: checkpoint g-0000002 does not fit config.json: "
                + "config.gf_dim is 8 in the checkpoint but 16 in config.json (undo the change, or start a new run "
                + "with another --out)", e.getMessage());
        assertArrayEquals(metrics, Files.readAllBytes(run.resolve("metrics.csv")));
        IllegalArgumentException finished = assertThrows(IllegalArgumentException.class,
                () -> TrainJob.resume(whole, null, null, TrainRuns.QUIET));
        assertTrue(finished.getMessage().contains("already finished (G step 6)"), finished.getMessage());
    }

    @Test
    void aRunKilledAfterItsFirstCheckpointResumesToTheSameFiles() throws Exception {
        String[][] tiny = TrainRuns.tiny(stats, 20, 4);
        Path reference = dir.resolve("reference20");
        TrainJob.start(TrainRuns.settings(tiny), reference, null, TrainRuns.QUIET);
        Path killed = dir.resolve("killed20");
        try (ChildJvm child = ChildJvm.start(dir.resolve("child.log"), Main.class.getName(),
                TrainRuns.flags(tiny, killed))) {
            child.awaitFile(killed.resolve("checkpoints/g-0000004.safetensors"), Duration.ofMinutes(2));
            child.kill();
        }
        assertFalse(Files.exists(killed.resolve("checkpoints/g-0000040.safetensors")), "killed before the end");
        TrainJob.resume(killed, null, null, TrainRuns.QUIET);
        TrainRuns.assertSameRun(reference, killed);
    }
}
