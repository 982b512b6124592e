// `autogan4j eval`: IS and FID of a generator checkpoint written by train (its EMA weights), repeated
// exactly as train evaluated it unless flags change it: the same number of images, batch, IS splits, z
// seed and reference statistics (all from the checkpoint's sidecar), so the FID printed equals the one
// train logged for that step on the same device. Prints one line; --json also writes the figures.
package org.autogan4j.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.autogan4j.gan.Generator;
import org.autogan4j.io.AtomicFile;
import org.autogan4j.io.Json;
import org.autogan4j.metrics.Fid;
import org.autogan4j.metrics.FidStatistics;
import org.autogan4j.metrics.GeneratorScoring;
import org.autogan4j.metrics.ReferenceStatistics;
import org.autogan4j.metrics.Scorer;
import org.autogan4j.metrics.Scorers;
import org.autogan4j.nn.Rng;
import org.autogan4j.tensor.Device;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Inception Score and FID of a generator checkpoint written by train (EMA weights).")
final class EvalCommand implements Callable<Integer> {
    @Option(names = "--checkpoint", required = true, description = "A .safetensors checkpoint written by train.")
    Path checkpoint;

    @Option(names = "--stats", description = "FID reference statistics .npz (default: the file train used).")
    Path stats;

    @Option(names = "--images", description = "Images to score (default: as train evaluated).")
    Integer images;

    @Option(names = "--batch", description = "Images per batch (default: as train evaluated).")
    Integer batch;

    @Option(names = "--splits", description = "IS splits (default: as train evaluated).")
    Integer splits;

    @Option(names = "--seed", description = "Seed of the z draws (default: the one train evaluated with).")
    Long seed;

    @Option(names = "--json", description = "Also write the figures to this JSON file.")
    Path json;

    @Option(names = "--inception-weights", description = "pytorch-fid's Inception weights (cifar10, stl10).")
    Path inceptionWeights;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or cuda (default: ${DEFAULT-VALUE}).")
    String device;

    @Override
    public Integer call() throws IOException {
        GeneratorCheckpoint.Info info = GeneratorCheckpoint.read(checkpoint);
        GeneratorCheckpoint.EvalSettings saved = info.eval();
        Path statsFile = stats != null ? stats : Path.of(saved.stats());
        int n = images != null ? images : saved.images();
        int b = batch != null ? batch : saved.batch();
        int s = splits != null ? splits : saved.splits();
        long zSeed = seed != null ? seed : saved.seed();
        Scorers.checkAvailable(info.dataset(), inceptionWeights);
        Device on = Devices.parse(device);
        try (Scorer scorer = Scorers.forDataset(info.dataset(), on, inceptionWeights);
                Generator generator = GeneratorCheckpoint.load(checkpoint, info, on)) {
            FidStatistics reference = ReferenceStatistics.load(statsFile, scorer);
            ProgressLine progress = new ProgressLine(System.err, "eval", "images");
            GeneratorScoring.Result result = GeneratorScoring.score(generator, info.config().latentDim(), scorer, n, b, s,
                    new Rng(zSeed), true, (done, total) -> progress.update(done, total, "", false));
            double fid = Fid.distance(result.statistics().toFidStatistics(), reference);
            double isMean = result.inceptionScore().mean();
            double isStd = result.inceptionScore().std();
            System.out.printf(Locale.ROOT, "IS %.4f +- %.4f, FID %.6f (%s; %d images, %s, G step %d; train logged "
                    + "FID %s)%n", isMean, isStd, fid, scorer.fidMode(), n, info.arch(), info.gStep(),
                    info.fid() == null ? "none" : String.format(Locale.ROOT, "%.6f", info.fid()));
            if (json != null) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("checkpoint", checkpoint.toString());
                m.put("arch", info.arch().toString());
                m.put("dataset", info.dataset().id());
                m.put("g_step", info.gStep());
                m.put("images", n);
                m.put("batch", b);
                m.put("splits", s);
                m.put("seed", zSeed);
                m.put("stats", statsFile.toString());
                m.put("is_mean", GeneratorCheckpoint.finiteOrNull(isMean));
                m.put("is_std", GeneratorCheckpoint.finiteOrNull(isStd));
                m.put("fid", GeneratorCheckpoint.finiteOrNull(fid));
                m.put("fid_mode", scorer.fidMode());
                m.put("seconds", result.seconds());
                AtomicFile.write(json, (Json.write(m) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        return 0;
    }
}
