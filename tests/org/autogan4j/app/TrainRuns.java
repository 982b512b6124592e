package org.autogan4j.app;

// Tiny `train` runs for the resume tests (gf/df 8, 64 training images, reference statistics of the first
// 200 images), as settings for the job and as the same flags for a child JVM, and the comparison of
// two finished run folders: every file equal but for wall-clock figures.

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.autogan4j.io.Checkpoint;
import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;

final class TrainRuns {
    static final Log QUIET = Log.silent();

    private TrainRuns() {
    }

    /** FID statistics of the first 200 Fashion-MNIST training images, written to dir/stats.npz. */
    static Path stats(Path dir) throws IOException {
        Path file = dir.resolve("stats.npz");
        FidStatsJob.run(new FidStatsJob.Request("fashion-mnist", null, file, null, 200, 100, null, "pytorch-fid", "cpu"), QUIET);
        return file;
    }

    /** {flag, config.json key, value} of a tiny run of steps G steps evaluated every evalEvery. */
    static String[][] tiny(Path stats, int steps, int evalEvery) {
        return new String[][] {{"--arch", "arch", "top1"}, {"--train-images", "train_images", "64"},
            {"--gf", "config.gf_dim", "8"}, {"--df", "config.df_dim", "8"}, {"--latent", "config.latent_dim", "8"},
            {"--dis-batch", "config.dis_batch_size", "8"}, {"--gen-batch", "config.gen_batch_size", "8"},
            {"--steps", "g_steps", String.valueOf(steps)}, {"--eval-every", "eval_every", String.valueOf(evalEvery)},
            {"--eval-images", "eval_images", "40"}, {"--eval-batch", "eval_batch", "20"}, {"--splits", "splits", "2"},
            {"--log-every", "log_every", "3"}, {"--seed", "seed", "7"}, {"--device", "device", "cpu"},
            {"--stats", "stats", stats.toString()}};
    }

    static TrainSettings settings(String[][] tiny) {
        TrainSettings s = TrainSettings.preset("fmnist", null);
        for (String[] t : tiny) {
            s = s.with(t[1], t[2]);
        }
        return s;
    }

    /** The train command line of tiny into out. */
    static String[] flags(String[][] tiny, Path out) {
        List<String> args = new ArrayList<>(List.of("train", "--out", out.toString()));
        for (String[] t : tiny) {
            args.add(t[0]);
            args.add(t[2]);
        }
        return args.toArray(new String[0]);
    }

    /** Two finished runs wrote the same files: byte for byte, except the time columns and elapsed time. */
    static void assertSameRun(Path a, Path b) throws IOException {
        assertEquals(withoutTime(a), withoutTime(b), "metrics.csv without its seconds columns");
        for (String f : new String[] {"config.json", "best.json", "last.json", "best.safetensors", "last.safetensors"}) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
        }
        List<String> samples = names(a.resolve("samples"));
        assertEquals(samples, names(b.resolve("samples")));
        for (String png : samples) {
            assertArrayEquals(Files.readAllBytes(a.resolve("samples").resolve(png)),
                    Files.readAllBytes(b.resolve("samples").resolve(png)), png);
        }
        List<String> checkpoints = names(a.resolve("checkpoints"));
        assertEquals(checkpoints, names(b.resolve("checkpoints")));
        String last = checkpoints.stream().filter(n -> n.endsWith(".safetensors")).reduce((x, y) -> y).orElseThrow();
        Path file = Path.of("checkpoints", last);
        Map<String, Tensor> ta = Checkpoint.readTensors(a.resolve(file), Device.CPU);
        Map<String, Tensor> tb = Checkpoint.readTensors(b.resolve(file), Device.CPU);
        try {
            assertEquals(ta.keySet(), tb.keySet());
            ta.forEach((k, t) -> assertArrayEquals(t.toArray(), tb.get(k).toArray(), 0f, k));
        } finally {
            ta.values().forEach(Tensor::close);
            tb.values().forEach(Tensor::close);
        }
        assertEquals(SearchRunTest.stable(Checkpoint.readSidecar(a.resolve(file))),
                SearchRunTest.stable(Checkpoint.readSidecar(b.resolve(file))));
    }

    private static List<String> withoutTime(Path run) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("metrics.csv"))) {
            String[] cells = line.split(",", -1);
            out.add(String.join(",", List.of(cells).subList(0, 8)));
        }
        return out;
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
