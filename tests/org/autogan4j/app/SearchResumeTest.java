// search --resume against what a crash or a person leaves behind: with its newest checkpoint damaged
// (a state key missing) it falls back to the one before, removes AtomicFile's leftover temporary
// files, and still ends exactly as the uninterrupted run; an edited config.json is refused naming the
// difference and changes nothing; a search killed with SIGKILL in a child JVM after its first
// checkpoint resumes to the same metrics, top-K and final checkpoint as an uninterrupted one.
package org.autogan4j.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.autogan4j.cli.Main;
import org.autogan4j.io.Checkpoint;
import org.autogan4j.io.Json;
import org.autogan4j.metrics.FashionScorer;
import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;
import org.autogan4j.testing.ChildJvm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchResumeTest {
    private static final Log QUIET = Log.silent();
    private static final Path LAST = Path.of("checkpoints", "iter-002.safetensors");

    @TempDir
    static Path dir;
    static Path whole;

    @BeforeAll
    static void uninterrupted() throws IOException {
        whole = dir.resolve("whole");
        try (SearchRun run = SearchRunTest.open(whole, false)) {
            run.run();
        }
    }

    private static Path stopped(String name, int iterations) throws IOException {
        Path run = dir.resolve(name);
        try (SearchRun r = SearchRunTest.open(run, false)) {
            r.runIterations(iterations);
        }
        return run;
    }

    private static List<String> withoutTime(Path root) throws IOException {
        return Files.readAllLines(root.resolve("metrics.csv")).stream().map(r -> r.substring(r.indexOf(',') + 1))
                .toList();
    }

    @Test
    void aDamagedNewestCheckpointFallsBackAndLeftoversAreRemoved() throws IOException {
        Path run = stopped("damaged", 2);
        Path newest = run.resolve("checkpoints/iter-001.safetensors");
        Map<String, Object> sidecar = new LinkedHashMap<>(Checkpoint.readSidecar(newest));
        @SuppressWarnings("unchecked")
        Map<String, Object> state = new LinkedHashMap<>((Map<String, Object>) sidecar.get("state"));
        @SuppressWarnings("unchecked")
        Map<String, Object> mlas = new LinkedHashMap<>((Map<String, Object>) state.get("mlas"));
        mlas.put("adam_steps", "many");
        state.put("mlas", mlas);
        sidecar.put("state", state);
        Map<String, Tensor> tensors = Checkpoint.readTensors(newest, Device.CPU);
        try {
            Checkpoint.save(newest, tensors, sidecar);
        } finally {
            tensors.values().forEach(Tensor::close);
        }
        List<Path> leftovers = List.of(run.resolve("checkpoints/.iter-002.safetensors.5f3a9c.tmp"),
                run.resolve(".metrics.csv.0b1c.tmp"), run.resolve("samples/.iter-002.png.77.tmp"));
        for (Path p : leftovers) {
            Files.writeString(p, "half a write");
        }
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Log lines = Log.lines(new PrintStream(log, true, StandardCharsets.UTF_8));
        try (SearchRun r = SearchRun.resume(SearchRunTest.tiny(), SearchRunDirectory.open(run, lines), Device.CPU,
                FashionScorer.loadDefault(Device.CPU), SearchJob.trainingImages(SearchRunTest.tiny()), lines)) {
            for (Path p : leftovers) {
                assertFalse(Files.exists(p), p + " is removed on resume");
            }
            r.run();
        }
        String text = log.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("removed 3 temporary file(s) of a write that was interrupted"), text);
        assertTrue(text.contains("warning: checkpoint iter-001 is damaged: state.mlas.adam_steps must be an integer in "
                + "-9223372036854775808..9223372036854775807, got \"many\"; trying the one before"), text);
        assertTrue(text.contains("after iteration 0 (iter-000.safetensors)"), text);
        assertEquals(withoutTime(whole), withoutTime(run));
        SearchRunTest.assertSameResult(whole, run);
        SearchRunTest.assertSameCheckpoint(whole, run, LAST);
    }

    @Test
    void anEditedConfigIsRefusedChangingNothing() throws IOException {
        Path run = stopped("edited", 1);
        Path config = run.resolve("config.json");
        Files.writeString(config, Files.readString(config).replace("\"gf_dim\":8", "\"gf_dim\":16"));
        byte[] metrics = Files.readAllBytes(run.resolve("metrics.csv"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SearchJob.resume(run, null, null, QUIET));
        assertEquals(run + " has no checkpoint to resume from: checkpoint iter-000 does not fit config.json: gf_dim is 8 "
                + "in the checkpoint but 16 in config.json (undo the change, or start a new run with another --out)",
                e.getMessage());
        assertArrayEquals(metrics, Files.readAllBytes(run.resolve("metrics.csv")));
    }

    @Test
    void aSearchKilledAfterItsFirstCheckpointResumesToTheSameFiles() throws Exception {
        SearchSettings longer = SearchRunTest.tiny().with("max_search_iter", "6").with("grow_step1", "2")
                .with("grow_step2", "4");
        Path settings = dir.resolve("longer.json");
        Files.writeString(settings, Json.write(RecordJson.write(longer)));
        Path reference = dir.resolve("reference6");
        SearchJob.start(longer, reference, null, QUIET);
        Path killed = dir.resolve("killed6");
        try (ChildJvm child = ChildJvm.start(dir.resolve("search-child.log"), Main.class.getName(), "search",
                "--config", settings.toString(), "--out", killed.toString())) {
            child.awaitFile(killed.resolve("checkpoints/iter-000.safetensors"), Duration.ofMinutes(2));
            child.kill();
        }
        assertFalse(Files.exists(killed.resolve("topk.json")), "killed before the end");
        SearchJob.resume(killed, null, null, QUIET);
        assertEquals(withoutTime(reference), withoutTime(killed));
        SearchRunTest.assertSameResult(reference, killed);
        SearchRunTest.assertSameCheckpoint(reference, killed, Path.of("checkpoints", "iter-005.safetensors"));
    }
}
