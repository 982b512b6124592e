// The search end to end on a tiny config (Fashion-MNIST subset, 8-channel G and D, 3 iterations, one
// per stage, a reset threshold so high that dynamic reset fires): the run directory gets its files,
// metrics rows of every kind, three stages, a 14-int top-K, and a second run refused in the same
// folder; and a run stopped after iteration 1 and
// resumed from its checkpoint ends with exactly the same metrics (time column aside), top-K and
// final weights, optimiser moments and counters as the uninterrupted run.
package org.autogan4j.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.autogan4j.data.Dataset;
import org.autogan4j.io.Checkpoint;
import org.autogan4j.gan.Architecture;
import org.autogan4j.gan.GeneratorCost;
import org.autogan4j.io.Json;
import org.autogan4j.io.JsonObject;
import org.autogan4j.metrics.FashionScorer;
import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchRunTest {
    private static final Log QUIET = Log.silent();

    static SearchSettings tiny() {
        String[][] settings = {{"data_limit", "200"}, {"latent_dim", "8"}, {"gf_dim", "8"}, {"df_dim", "8"},
            {"dis_bs", "8"}, {"gen_bs", "8"}, {"max_search_iter", "3"}, {"grow_step1", "1"}, {"grow_step2", "2"},
            {"shared_steps", "12"}, {"ctrl_step", "2"}, {"num_candidate", "3"}, {"topk", "2"}, {"hid_size", "16"},
            {"rl_num_eval_img", "20"}, {"eval_batch", "10"}, {"log_every", "4"}, {"sample_images", "4"},
            {"dynamic_reset_window", "2"}, {"dynamic_reset_threshold", "1e6"}, {"device", "cpu"}, {"seed", "7"},
            {"keep_checkpoints", "3"}};
        SearchSettings c = SearchSettings.preset("fmnist");
        for (String[] kv : settings) {
            c = c.with(kv[0], kv[1]);
        }
        return c.validate();
    }

    static SearchRun open(Path root, boolean resume) throws IOException {
        SearchSettings config = tiny();
        Dataset images = SearchJob.trainingImages(config);
        FashionScorer scorer = FashionScorer.loadDefault(Device.CPU);
        return resume
                ? SearchRun.resume(config, SearchRunDirectory.open(root, QUIET), Device.CPU, scorer, images, QUIET)
                : SearchRun.start(config, SearchRunDirectory.create(root, config, QUIET), Device.CPU, scorer, images,
                        QUIET);
    }

    /** The final checkpoint of a run: its tensors (close them) and its sidecar. */
    static Map<String, Tensor> tensors(Path file) throws IOException {
        return Checkpoint.readTensors(file, Device.CPU);
    }

    @Test
    void tinySearchWritesItsRunDirectory(@TempDir Path tmp) throws IOException {
        Path root = tmp.resolve("run");
        List<SearchRunDirectory.Ranked> top;
        try (SearchRun run = open(root, false)) {
            top = run.run();
        }
        assertEquals(2, top.size());
        assertEquals(14, top.get(0).arch().length);
        assertTrue(top.get(0).reward() >= top.get(1).reward());
        for (String f : new String[] {"config.json", "metrics.csv", "topk.json", "samples/iter-000.png",
            "samples/iter-002.png", "samples/final-1.png", "samples/final-2.png", "checkpoints/iter-002.safetensors"}) {
            assertTrue(Files.isRegularFile(root.resolve(f)), f);
        }
        assertFinalEntries(root, top);
        List<String> rows = Files.readAllLines(root.resolve("metrics.csv"));
        assertEquals(MetricsLog.HEADER, rows.get(0));
        Map<String, Long> events = rows.stream().skip(1).collect(Collectors.groupingBy(r -> r.split(",", -1)[3],
                Collectors.counting()));
        assertEquals(6L, events.get("controller"), "2 controller steps x 3 iterations");
        assertEquals(3L, events.get("iteration"));
        assertEquals(4L, events.get("grow"), "2 parents kept at each of 2 growths");
        assertEquals(2L, events.get("final"));
        assertTrue(events.get("reset") >= 1, "a threshold of 1e6 must fire the dynamic reset");
        assertEquals("2", rows.get(rows.size() - 1).split(",", -1)[2], "final rows are stage 2");
        try (SearchRunDirectory dir = SearchRunDirectory.open(root, QUIET)) {
            assertTrue(dir.finished());
        }
        IllegalArgumentException exists = assertThrows(IllegalArgumentException.class,
                () -> SearchRunDirectory.create(root, tiny(), QUIET));
        assertTrue(exists.getMessage().contains("--resume"), exists.getMessage());
    }

    @Test
    void resumedRunEqualsUninterruptedRun(@TempDir Path tmp) throws IOException {
        Path whole = tmp.resolve("whole");
        Path killed = tmp.resolve("killed");
        try (SearchRun run = open(whole, false)) {
            run.run();
        }
        try (SearchRun run = open(killed, false)) {
            run.runIterations(1);
        }
        try (SearchRun run = open(killed, true)) {
            run.run();
        }
        assertEquals(withoutTime(whole), withoutTime(killed));
        assertSameResult(whole, killed);
        assertEquals(List.of(0L, 1L, 2L), new RunCheckpoints(whole.resolve("checkpoints"), "iter", 3,
                SearchRunDirectory.FORMAT).numbers(), "the newest checkpoint is iteration 2");
        assertSameCheckpoint(whole, killed, Path.of("checkpoints", "iter-002.safetensors"));
    }

    /** Runs a and b end with the same topk.json (their own paths aside) and the same final sample grids. */
    static void assertSameResult(Path a, Path b) throws IOException {
        assertEquals(Files.readString(a.resolve("topk.json")).replace(a.toString(), "RUN_DIR"),
                Files.readString(b.resolve("topk.json")).replace(b.toString(), "RUN_DIR"));
        for (int rank = 1; Files.exists(a.resolve("samples/final-" + rank + ".png")); rank++) {
            String grid = "samples/final-" + rank + ".png";
            assertArrayEquals(Files.readAllBytes(a.resolve(grid)), Files.readAllBytes(b.resolve(grid)), grid);
        }
    }

    /** topk.json holds each final candidate's size (GeneratorCost at the run's widths), scores, grid and train command. */
    private static void assertFinalEntries(Path root, List<SearchRunDirectory.Ranked> top) throws IOException {
        JsonObject topk = Json.readObject(root.resolve("topk.json"));
        assertEquals("autogan4j train --arch " + root + " --preset fmnist --dataset fashion-mnist --out "
                + root.resolveSibling("run-top1"),
                topk.string("train_command"));
        List<JsonObject> entries = topk.objects("architectures");
        for (int i = 0; i < top.size(); i++) {
            JsonObject e = entries.get(i);
            GeneratorCost cost = GeneratorCost.of(tiny().gan(), Architecture.of(top.get(i).arch()));
            assertEquals(cost.parameters(), e.integer("parameters"));
            assertEquals(cost.multiplyAdds(), e.integer("multiply_adds"));
            assertEquals("samples/final-" + (i + 1) + ".png", e.string("samples"));
            assertEquals("fmnist-scorer", e.string("fid_mode"));
            assertTrue(e.number("fid") > 0, "FID of a barely trained generator: " + e.number("fid"));
            double is = e.number("is_mean");
            assertTrue(is >= 1 && is <= 10, "IS of a 10-class scorer: " + is);
            assertTrue(Double.isFinite(e.number("kid_mean")), "KID of 20 images against 200");
        }
    }

    /** The checkpoint file of runs a and b: equal tensors, and equal sidecars but for time and metrics length. */
    static void assertSameCheckpoint(Path a, Path b, Path file) throws IOException {
        Map<String, Tensor> ta = tensors(a.resolve(file));
        Map<String, Tensor> tb = tensors(b.resolve(file));
        try {
            assertEquals(ta.keySet(), tb.keySet());
            for (Map.Entry<String, Tensor> e : ta.entrySet()) {
                assertArrayEquals(e.getValue().toArray(), tb.get(e.getKey()).toArray(), 0f, e.getKey());
            }
        } finally {
            ta.values().forEach(Tensor::close);
            tb.values().forEach(Tensor::close);
        }
        assertEquals(stable(Checkpoint.readSidecar(a.resolve(file))), stable(Checkpoint.readSidecar(b.resolve(file))));
    }

    /** A sidecar as JSON text without the values that depend on wall time. */
    @SuppressWarnings("unchecked")
    static String stable(Map<String, Object> sidecar) {
        Map<String, Object> copy = new LinkedHashMap<>(sidecar);
        Map<String, Object> state = new LinkedHashMap<>((Map<String, Object>) copy.get("state"));
        for (String volatileKey : new String[] {"elapsed_s", "metrics_length"}) {
            state.remove(volatileKey);
        }
        copy.put("state", state);
        return Json.write(copy);
    }

    private static List<String> withoutTime(Path root) throws IOException {
        return Files.readAllLines(root.resolve("metrics.csv")).stream().map(r -> r.substring(r.indexOf(',') + 1))
                .toList();
    }
}
