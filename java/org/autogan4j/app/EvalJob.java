// `autogan4j eval` as a job: IS and FID of a generator checkpoint written by train (its EMA weights),
// repeated exactly as train evaluated it unless the request changes it: the same number of images,
// batch, IS splits, z seed and reference statistics (all from the checkpoint's sidecar), so the FID
// equals the one train logged for that step on the same device. Every number and file is checked, and
// the statistics loaded (finite), before any image is generated; json, when given, gets the figures.
package org.autogan4j.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.autogan4j.gan.Generator;
import org.autogan4j.io.AtomicFile;
import org.autogan4j.io.Json;
import org.autogan4j.metrics.Fid;
import org.autogan4j.metrics.FidStatistics;
import org.autogan4j.metrics.GeneratorScoring;
import org.autogan4j.metrics.Scorer;
import org.autogan4j.metrics.Scorers;
import org.autogan4j.nn.Rng;
import org.autogan4j.tensor.Device;

public final class EvalJob {
    /** The eval flags; null numbers and stats mean "as train evaluated". */
    public record Request(Path checkpoint, Path stats, Integer images, Integer batch, Integer splits, Long seed,
            Path json, Path inceptionWeights, String device) {
    }

    /** The figures (also what --json writes); loggedFid is the FID train logged for this checkpoint. */
    public record Figures(String checkpoint, String arch, String dataset, long gStep, int images, int batch, int splits,
            long seed, String stats, Double isMean, Double isStd, Double fid, double seconds, Double loggedFid) {
    }

    private EvalJob() {
    }

    public static Figures run(Request r, PrintStream log) throws IOException {
        GeneratorCheckpoint.Sidecar info = GeneratorCheckpoint.read(r.checkpoint());
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
        try (Scorer scorer = Scorers.forDataset(info.datasets(), on, r.inceptionWeights())) {
            FidStatistics reference = FidReference.load(statsFile, scorer);
            try (Generator generator = GeneratorCheckpoint.load(r.checkpoint(), info, on)) {
                ProgressLine progress = new ProgressLine(log, "eval", "images");
                GeneratorScoring.Result result = GeneratorScoring.score(generator, info.config().latentDim(), scorer,
                        images, batch, splits, new Rng(seed), true, (done, total) -> progress.update(done, total, "",
                                false));
                double fid = Fid.distance(result.statistics().toFidStatistics(), reference);
                Figures figures = new Figures(r.checkpoint().toString(), info.arch(), info.dataset(), info.gStep(),
                        images, batch, splits, seed, statsFile.toString(),
                        GeneratorCheckpoint.finiteOrNull(result.inceptionScore().mean()),
                        GeneratorCheckpoint.finiteOrNull(result.inceptionScore().std()),
                        GeneratorCheckpoint.finiteOrNull(fid), result.seconds(), info.fid());
                if (r.json() != null) {
                    AtomicFile.write(r.json(), (Json.write(RecordJson.write(figures)) + "\n")
                            .getBytes(StandardCharsets.UTF_8));
                }
                return figures;
            }
        }
    }
}
