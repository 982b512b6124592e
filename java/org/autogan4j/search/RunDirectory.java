// The files of one search run, all under one folder:
//   config.json             every setting (what --resume continues with)
//   metrics.csv             one row per event (MetricsLog)
//   checkpoints/iter-NNN.safetensors (+ .json)   the whole state after iteration NNN
//   samples/iter-NNN.png    a grid of the shared G's images after iteration NNN
//   topk.json               the final top-K architectures
//   plots/*.png, report.html  written by org.autogan4j.report.RunReport after every iteration
// Every file is written atomically; the newest readable checkpoint is the resume point.
package org.autogan4j.search;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.autogan4j.gan.GanConfig;
import org.autogan4j.io.AtomicFile;
import org.autogan4j.io.Checkpoint;
import org.autogan4j.io.ImageGrid;
import org.autogan4j.io.Json;
import org.autogan4j.nn.Layer;
import org.autogan4j.nn.Rng;
import org.autogan4j.report.RunReport;
import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;

final class RunDirectory {
    static final String FORMAT = "autogan4j-search-1";
    private static final String PREFIX = "iter-";
    private static final String EXTENSION = ".safetensors";

    /** A checkpoint read back: its tensors (the caller closes them via close()) and sidecar. */
    record Saved(Path file, Map<String, Tensor> tensors, Map<String, Object> sidecar) implements AutoCloseable {
        @Override
        public void close() {
            tensors.values().forEach(Tensor::close);
        }
    }

    private final Path root;
    private final PrintStream out;

    private RunDirectory(Path root, PrintStream out) {
        this.root = root;
        this.out = out;
    }

    /** A new run in root (which must not exist or be empty); writes config.json. */
    static RunDirectory create(Path root, SearchConfig config, PrintStream out) throws IOException {
        if (Files.exists(root) && (!Files.isDirectory(root) || hasEntries(root))) {
            throw new IllegalArgumentException(root + " already exists and is not empty: continue that run with "
                    + "--resume " + root + ", or choose another --out");
        }
        Files.createDirectories(root.resolve("checkpoints"));
        Files.createDirectories(root.resolve("samples"));
        AtomicFile.write(root.resolve("config.json"), (config.toJson() + "\n").getBytes(StandardCharsets.UTF_8));
        return new RunDirectory(root, out);
    }

    /** An existing run in root, to resume. */
    static RunDirectory open(Path root, PrintStream out) {
        if (!Files.isRegularFile(root.resolve("config.json"))) {
            throw new IllegalArgumentException(root + " is not a search run directory (it has no config.json)");
        }
        return new RunDirectory(root, out);
    }

    /** Removes a run directory that create() made and whose search never started (a failed set-up). */
    void deleteNew() throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static boolean hasEntries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isPresent();
        }
    }

    Path root() {
        return root;
    }

    Path config() {
        return root.resolve("config.json");
    }

    Path metrics() {
        return root.resolve("metrics.csv");
    }

    /** Writes checkpoints/iter-NNN and deletes all but the newest keep ones. */
    void saveCheckpoint(int iter, Map<String, Tensor> tensors, Map<String, Object> sidecar, int keep)
            throws IOException {
        Checkpoint.save(checkpoint(iter), tensors, sidecar);
        List<Path> all = checkpoints();
        for (int i = 0; i < all.size() - keep; i++) {
            Files.deleteIfExists(all.get(i));
            Files.deleteIfExists(Checkpoint.sidecarPath(all.get(i)));
        }
    }

    private Path checkpoint(int iter) {
        return root.resolve("checkpoints").resolve(String.format(Locale.ROOT, "%s%03d%s", PREFIX, iter, EXTENSION));
    }

    /** The iteration checkpoints, oldest first. */
    private List<Path> checkpoints() throws IOException {
        Path folder = root.resolve("checkpoints");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(PREFIX) && n.endsWith(EXTENSION);
            }).sorted().toList();
        }
    }

    /** The newest checkpoint that reads back; an unreadable newer one is reported and skipped. */
    Saved latest(Device device) throws IOException {
        List<Path> all = new ArrayList<>(checkpoints());
        for (int i = all.size() - 1; i >= 0; i--) {
            Path file = all.get(i);
            try {
                Map<String, Object> sidecar = Checkpoint.readSidecar(file);
                if (!FORMAT.equals(sidecar.get("format"))) {
                    throw new IOException("not a search checkpoint (format " + sidecar.get("format") + ")");
                }
                return new Saved(file, Checkpoint.readTensors(file, device), sidecar);
            } catch (IOException | RuntimeException e) {
                out.println("warning: skipping unreadable checkpoint " + file + ": " + e.getMessage());
            }
        }
        throw new IllegalArgumentException(root + " has no readable checkpoint yet (the run stopped during its "
                + "first iteration): start it again with a new --out");
    }

    /** samples/iter-NNN.png: sampleImages images of generator (eval mode) from a fixed z, the same every iteration. */
    void writeSamples(int iter, Layer generator, GanConfig gan, SearchConfig config) throws IOException {
        boolean training = generator.isTraining();
        generator.train(false);
        try (Tensor z = Tensor.empty(generator.device(), config.sampleImages(), gan.latentDim())) {
            new Rng(config.seed() + 4).normal(z, 0f, 1f);
            ImageGrid.write(root.resolve("samples").resolve(String.format(Locale.ROOT, "%s%03d.png", PREFIX, iter)),
                    generator.forward(z));
        } finally {
            generator.train(training);
        }
    }

    /** Whether the search wrote its final top-K (a finished run). */
    boolean finished() {
        return Files.isRegularFile(root.resolve("topk.json"));
    }

    /** topk.json: the final architectures, best first. */
    void writeTopK(List<Candidate> top) throws IOException {
        List<Object> archs = new ArrayList<>();
        for (int i = 0; i < top.size(); i++) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("rank", i + 1);
            a.put("arch", top.get(i).architecture().codes());
            a.put("reward", top.get(i).reward());
            a.put("describe", top.get(i).architecture().describe());
            archs.add(a);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("stage", 2);
        json.put("architectures", archs);
        AtomicFile.write(root.resolve("topk.json"), (Json.write(json) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Re-writes plots and report.html; a failure there is reported, not fatal to the search. */
    void writeReport() {
        try {
            RunReport.write(root);
        } catch (IOException | RuntimeException e) {
            out.println("warning: could not write the report of " + root + ": " + e.getMessage());
        }
    }
}
