// The files of one search run, all under one locked folder (RunFolder):
//   config.json             every setting (what --resume continues with)
//   metrics.csv             one row per event (MetricsLog)
//   checkpoints/iter-NNN.safetensors (+ .json)   the whole state after iteration NNN (RunCheckpoints)
//   samples/iter-NNN.png    a grid of the shared G's images after iteration NNN
//   samples/final-K.png     the shared G's images as the final rank-K architecture (the run is finished)
//   topk.json               the final top-K architectures with their sizes and scores, and the train
//                           command of the top-1
//   tensorboard/            event files (--tensorboard)
//   plots/*.png, report.html  written by org.autogan4j.report.RunReport after every iteration
//   .lock                   the writer's lock (RunLock)
// Every file is written atomically; the newest checkpoint that fits is the resume point.
package org.autogan4j.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.autogan4j.io.AtomicFile;
import org.autogan4j.io.ImageGrid;
import org.autogan4j.io.Json;
import org.autogan4j.nn.Layer;
import org.autogan4j.nn.Rng;
import org.autogan4j.report.RunReport;
import org.autogan4j.tensor.Tensor;

final class SearchRunDirectory implements AutoCloseable {
    static final String FORMAT = "autogan4j-search-5";
    private static final String PREFIX = "iter";

    /** The final top-K as topk.json holds it (with the reward's kind), and the ready-to-run train command of the top-1. */
    record TopK(int stage, String rewardKind, String trainCommand, List<Ranked> architectures) {
    }

    /**
     * One entry of topk.json: the search's reward, the generator's size at the search's widths
     * (GeneratorCost), the IS, FID (with its mode) and KID of the shared weights as that architecture, and
     * its sample grid (relative to the run directory).
     */
    record Ranked(int rank, int[] arch, double reward, String describe, long parameters, long multiplyAdds,
            Double isMean, Double isStd, Double fid, String fidMode, Double kidMean, Double kidStd, String samples) {
    }

    private final RunFolder folder;
    private final Log out;
    private final RunCheckpoints checkpoints;

    private SearchRunDirectory(RunFolder folder, Log out) {
        this.folder = folder;
        this.out = out;
        this.checkpoints = new RunCheckpoints(folder.resolve("checkpoints"), PREFIX, 3, FORMAT);
    }

    /** A new run in root (which must not exist or be empty); writes config.json. */
    static SearchRunDirectory create(Path root, SearchSettings settings, Log out) throws IOException {
        RunFolder folder = RunFolder.create(root, "search");
        try {
            Files.createDirectories(root.resolve("checkpoints"));
            Files.createDirectories(root.resolve("samples"));
            AtomicFile.write(root.resolve(RunFolder.CONFIG),
                    (Json.write(RecordJson.write(settings)) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            folder.deleteCreated();
            throw e;
        }
        return new SearchRunDirectory(folder, out);
    }

    /** An existing run in root, locked, to resume. */
    static SearchRunDirectory open(Path root, Log out) throws IOException {
        return new SearchRunDirectory(RunFolder.open(root, "search run directory", out), out);
    }

    /** Removes a run directory that create() made and whose search never started (a failed set-up). */
    void deleteCreated() throws IOException {
        folder.deleteCreated();
    }

    Path root() {
        return folder.root();
    }

    Path config() {
        return folder.resolve(RunFolder.CONFIG);
    }

    Path metrics() {
        return folder.resolve("metrics.csv");
    }

    RunCheckpoints checkpoints() {
        return checkpoints;
    }

    /** samples/iter-NNN.png: images of generator (eval mode) from a fixed z, the same every iteration. */
    ImageGrid.Encoded writeSamples(int iter, Layer generator, int latentDim, SearchSettings settings)
            throws IOException {
        return writeGrid(String.format(Locale.ROOT, "%s-%03d.png", PREFIX, iter), generator, latentDim, settings);
    }

    /** samples/final-K.png: the same z through generator set to the final rank-K architecture; its relative path. */
    String writeFinalSamples(int rank, Layer generator, int latentDim, SearchSettings settings) throws IOException {
        String name = "final-" + rank + ".png";
        writeGrid(name, generator, latentDim, settings);
        return "samples/" + name;
    }

    private ImageGrid.Encoded writeGrid(String name, Layer generator, int latentDim, SearchSettings settings)
            throws IOException {
        boolean training = generator.isTraining();
        generator.train(false);
        try (Tensor z = Tensor.empty(generator.device(), settings.sampleImages(), latentDim)) {
            new Rng(settings.seed() + 4).normal(z, 0f, 1f);
            ImageGrid.Encoded grid = ImageGrid.encode(generator.forward(z));
            AtomicFile.write(folder.resolve("samples").resolve(name), grid.png());
            return grid;
        } finally {
            generator.train(training);
        }
    }

    /** Whether the search wrote its final top-K (a finished run). */
    boolean finished() {
        return Files.isRegularFile(folder.resolve("topk.json"));
    }

    /** topk.json: the final architectures, best first, and trainCommand for the top-1. */
    void writeTopK(List<Ranked> ranked, String rewardKind, String trainCommand) throws IOException {
        Map<String, Object> json = RecordJson.write(new TopK(2, rewardKind, trainCommand, ranked));
        AtomicFile.write(folder.resolve("topk.json"), (Json.write(json) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Re-writes plots and report.html; a failure there is reported, not fatal to the search. */
    void writeReport() {
        try {
            RunReport.write(folder.root());
        } catch (IOException | RuntimeException e) {
            out.warn("could not write the report of " + folder.root() + ": " + e.getMessage());
        }
    }

    @Override
    public void close() throws IOException {
        folder.close();
    }
}
