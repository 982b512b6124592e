// `autogan4j eval` as a job: IS, FID (with its mode) and KID of a generator checkpoint written by train
// (its EMA weights; a train run folder means its best.safetensors, else its last.safetensors), repeated
// exactly as train evaluated it unless the request changes it: the same number of images, batch, IS
// splits, z seed, reference statistics and KID reference features (all from the checkpoint's sidecar),
// so the figures equal the ones train logged for that step on the same device. Every number and file is
// checked, and the statistics loaded (finite), before any image is generated; json, when given, gets the
// figures with fid_mode beside the FID.
package org.autogan4j.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.autogan4j.gan.Generator;
import org.autogan4j.io.AtomicFile;
import org.autogan4j.io.Json;
import org.autogan4j.metrics.Evaluation;
import org.autogan4j.metrics.FeatureRows;
import org.autogan4j.metrics.FidStatistics;
import org.autogan4j.metrics.GeneratorScoring;
import org.autogan4j.metrics.Reference;
import org.autogan4j.metrics.Scorer;
import org.autogan4j.metrics.Scorers;
import org.autogan4j.nn.Rng;
import org.autogan4j.tensor.Device;

public final class EvalJob {
    /** The eval flags; null numbers and stats mean "as train evaluated". */
    public record Request(Path checkpoint, Path stats, Integer images, Integer batch, Integer splits, Long seed,
            Path json, Path inceptionWeights, String device) {
    }

    /**
     * The figures: the checkpoint read, its architecture and where it came from, G step, the evaluation
     * (IS, FID with mode, KID or null) and the FID train logged for this checkpoint, with its mode.
     */
    public record Figures(Path checkpoint, String arch, String archSource, long gStep, Evaluation evaluation,
            Double loggedFid, String loggedFidMode) {
    }

    private EvalJob() {
    }

    public static Figures run(Request r, Log log) throws IOException {
        Path checkpoint = GeneratorCheckpoint.locate(r.checkpoint());
        GeneratorCheckpoint.Sidecar info = GeneratorCheckpoint.read(checkpoint);
        GeneratorCheckpoint.EvalSettings saved = info.eval();
        Path statsFile = r.stats() != null ? r.stats() : Path.of(saved.stats());
        int splits = r.splits() != null ? r.splits() : saved.splits();
        int images = r.images() != null ? r.images() : saved.images();
        int batch = r.batch() != null ? r.batch() : saved.batch();
        long seed = r.seed() != null ? r.seed() : saved.seed();
        SettingChecks.count("--splits", splits, 1, SettingChecks.MAX_IMAGES);
        SettingChecks.count("--images", images, Math.max(2, splits), SettingChecks.MAX_IMAGES);
        SettingChecks.count("--batch", batch, 1, SettingChecks.MAX_EVAL_BATCH);
        Scorers.checkAvailable(info.datasets(), r.inceptionWeights());
        Device on = DeviceChoice.resolve(r.device());
        log.info("evaluating " + checkpoint + " (G step " + info.gStep() + "): architecture " + info.arch() + " ("
                + info.archSource() + ")");
        try (Scorer scorer = Scorers.forDataset(info.datasets(), on, r.inceptionWeights())) {
            FidStatistics statistics = FidReference.load(statsFile, scorer);
            Path features = Path.of(saved.kidFeatures());
            FeatureRows kidRows = null;
            if (Files.isRegularFile(features)) {
                kidRows = ReferenceFeatures.load(features, scorer);
            } else {
                log.warn("the KID reference features " + features + " are missing, so there is no KID; train writes "
                        + "them into the cache again when it runs on the same images");
            }
            try (Generator generator = GeneratorCheckpoint.load(checkpoint, info, on)) {
                ProgressLine progress = new ProgressLine(log, "eval", "images");
                Evaluation e = GeneratorScoring.evaluate(generator, info.config().latentDim(), scorer, images, batch,
                        splits, new Rng(seed), new Reference(statistics, kidRows),
                        (done, total) -> progress.update(done, total, ""));
                Figures figures = new Figures(checkpoint, info.arch(), info.archSource(), info.gStep(), e, info.fid(), info.fidMode());
                if (r.json() != null) {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("checkpoint", checkpoint.toString());
                    json.put("arch", info.arch());
                    json.put("arch_source", info.archSource());
                    json.put("dataset", info.dataset());
                    json.put("g_step", info.gStep());
                    json.put("batch", batch);
                    json.put("splits", splits);
                    json.put("seed", seed);
                    json.put("stats", statsFile.toString());
                    json.put("kid_features", kidRows == null ? null : features.toString());
                    json.putAll(e.toMap());
                    json.put("logged_fid", info.fid());
                    json.put("logged_fid_mode", info.fidMode());
                    AtomicFile.write(r.json(), (Json.write(json) + "\n").getBytes(StandardCharsets.UTF_8));
                }
                return figures;
            }
        }
    }
}
