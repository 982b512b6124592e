// `autogan4j pipeline` as a job: what the paper does end to end, in one directory. Stage by stage:
// search (SearchJob into PIPE/search), train each of the final top-K from scratch for the screening
// budget (TrainJob into PIPE/candidates/rank-N), pick the winner by FID, continue it to the full budget
// (TrainJob.resume with more steps), score it on final_eval_images images (EvalJob into
// PIPE/winner.json), write PIPE/report.html (PipelineReport). The directory is locked
// (RunFolder) and PIPE/pipeline.json (PipelineState) records each finished step atomically, so a killed
// pipeline resumes in its unfinished stage through search's and train's own resume. Everything is
// checked before PIPE is created: every setting, the device, an unused --out, the scorer, the dataset.
package org.autogan4j.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

import org.autogan4j.io.AtomicFile;
import org.autogan4j.io.Json;
import org.autogan4j.metrics.Scorers;

public final class PipelineJob {
    static final String STATE = "pipeline.json";

    /** The finished pipeline: its directory, the winner, its final score (on images images) and the report. */
    public record Outcome(Path root, PipelineState.Candidate winner, long gSteps, int images, Double fid,
            Double isMean, Path report) {
        /** The summary the command prints. */
        public String summary() {
            return String.format(Locale.ROOT, "pipeline finished: winner rank %d %s, %d G steps: FID %s, IS %s on %d "
                    + "images; report %s", winner.rank(), winner.arch(), gSteps, number(fid), number(isMean), images,
                    report);
        }

        private static String number(Double v) {
            return v == null ? "none" : String.format(Locale.ROOT, "%.4f", v);
        }
    }

    private PipelineJob() {
    }

    /** Runs a new pipeline with settings into out (inceptionWeights may be null). */
    public static Outcome start(PipelineSettings settings, Path out, Path inceptionWeights, Log log) throws Exception {
        return start(settings, out, inceptionWeights, log, "");
    }

    /** As start, stopping once the step named stop (search, candidate-N, final) is recorded, as a kill there would. */
    static Outcome start(PipelineSettings settings, Path out, Path inceptionWeights, Log log, String stop)
            throws Exception {
        settings.validate();
        DeviceChoice.resolve(settings.search().device());
        DeviceChoice.resolve(settings.train().device());
        RunFolder.requireUnused(out, "pipeline");
        Scorers.checkAvailable(settings.search().datasets(), inceptionWeights);
        SearchJob.trainingImages(settings.search());
        try (RunFolder folder = RunFolder.create(out, "pipeline")) {
            try {
                AtomicFile.write(folder.resolve(RunFolder.CONFIG), json(RecordJson.write(settings)));
                save(folder, PipelineState.begin());
            } catch (IOException | RuntimeException e) {
                folder.deleteCreated();
                throw e;
            }
            return new PipelineStages(settings, folder, null, inceptionWeights, log, stop).run(PipelineState.begin());
        }
    }

    /** Continues the pipeline in root; device (may be null) overrides its settings' device. */
    public static Outcome resume(Path root, String device, Path inceptionWeights, Log log) throws Exception {
        return resume(root, device, inceptionWeights, log, "");
    }

    static Outcome resume(Path root, String device, Path inceptionWeights, Log log, String stop) throws Exception {
        try (RunFolder folder = RunFolder.open(root, "pipeline directory", log)) {
            PipelineSettings settings = PipelineSettings.load(folder.resolve(RunFolder.CONFIG));
            settings = (device == null ? settings : settings.onDevice(device)).validate();
            PipelineState state = load(folder.resolve(STATE));
            if (state.stage().equals(PipelineState.DONE)) {
                throw new IllegalArgumentException(root + " already finished (see " + root.resolve("report.html")
                        + "); start a new pipeline with another --out");
            }
            log.info("resuming " + root + " in its " + state.stage() + " stage");
            return new PipelineStages(settings, folder, device, inceptionWeights, log, stop).run(state);
        }
    }

    static PipelineState load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + " is missing: the pipeline stopped while it was being created; "
                    + "start it again with another --out");
        }
        try {
            return RecordJson.read(PipelineState.class, Json.readObject(file).values());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " is damaged: " + e.getMessage(), e);
        }
    }

    static void save(RunFolder folder, PipelineState state) throws IOException {
        AtomicFile.write(folder.resolve(STATE), json(RecordJson.write(state)));
    }

    private static byte[] json(Object value) {
        return (Json.write(value) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Removes dir and everything in it (a candidate's run that stopped before its first checkpoint). */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
