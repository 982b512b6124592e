// `autogan4j fid A B`: FID (and with --kid, KID) between two folders of images (PNG or JPEG, any size,
// grey or RGB) or a folder and an .npz of FID statistics (TTUR's layout, as pytorch-fid writes them), the
// way pytorch-fid's command is called; `autogan4j fid --save-stats FOLDER OUT.npz` writes the statistics
// of a folder. --mode picks the convention of the Inception features (pytorch-fid, clean, tf1; see
// docs/scoring.md), and every FID printed or written carries it. Inputs are checked before the network
// loads, so a wrong path or file fails at once with one line.
package org.autogan4j.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.autogan4j.io.AtomicFile;
import org.autogan4j.io.Json;
import org.autogan4j.metrics.FidMode;
import org.autogan4j.metrics.FolderScoring;
import org.autogan4j.metrics.InceptionScorer;
import org.autogan4j.metrics.InceptionV3;
import org.autogan4j.metrics.InceptionWeightsFile;
import org.autogan4j.metrics.Kid;
import org.autogan4j.metrics.Reference;
import org.autogan4j.tensor.Device;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "fid", mixinStandardHelpOptions = true,
        description = {"FID (and KID) between two image folders, or a folder and an .npz of statistics, as "
                + "pytorch-fid computes it: autogan4j fid A B.",
            "The FID statistics of a folder: autogan4j fid --save-stats FOLDER OUT.npz."})
final class FidCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "A", description = "A folder of images or an .npz of statistics "
            + "(with --save-stats: the folder).")
    Path first;

    @Parameters(index = "1", paramLabel = "B", description = "A folder of images or an .npz of statistics "
            + "(with --save-stats: the .npz to write).")
    Path second;

    @Option(names = "--save-stats", description = "Write the statistics of the folder (A) to the .npz "
            + "(B) instead of comparing.")
    boolean saveStats;

    @Option(names = "--mode", defaultValue = "pytorch-fid", description = "Convention of the Inception features: "
            + "pytorch-fid, clean or tf1 (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--kid", description = "Also the KID (torch-fidelity's estimator; both inputs must be folders).")
    boolean kid;

    @Option(names = "--kid-subsets", defaultValue = "100", description = "KID subsets (default: ${DEFAULT-VALUE}).")
    int kidSubsets;

    @Option(names = "--kid-subset-size", defaultValue = "1000",
            description = "Images per KID subset (default: ${DEFAULT-VALUE}).")
    int kidSubsetSize;

    @Option(names = "--batch", defaultValue = "50", description = "Images per forward (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--json", description = "Also write the figures to this JSON file.")
    Path json;

    @Option(names = "--inception-weights", description = "pytorch-fid's pt_inception-2015-12-05-6726825d.pth "
            + "(default: -Dautogan4j.inception.weights, else ~/.cache/autogan4j/).")
    Path inceptionWeights;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or cuda (default: ${DEFAULT-VALUE}).")
    String device;

    @Override
    public Integer call() throws IOException {
        FidMode fidMode = FidMode.byName(mode);
        if (batch < 1) {
            throw new IllegalArgumentException("--batch must be >= 1, got " + batch);
        }
        if (saveStats && !second.getFileName().toString().endsWith(".npz")) {
            throw new IllegalArgumentException("--save-stats writes an .npz; B is " + second);
        }
        boolean withKid = kid && !saveStats;
        FolderScoring.Input a = FolderScoring.check(first, InceptionV3.FEATURES, withKid);
        if (saveStats && !a.isFolder()) {
            throw new IllegalArgumentException("--save-stats needs a folder of images first, got " + first);
        }
        FolderScoring.Input b = saveStats ? null : FolderScoring.check(second, InceptionV3.FEATURES, withKid);
        Path weights = InceptionWeightsFile.require(inceptionWeights);
        Device on = Devices.parse(device);
        ProgressLine progress = new ProgressLine(System.err, "fid", "images");
        try (InceptionScorer scorer = InceptionScorer.load(on, weights, fidMode)) {
            if (saveStats) {
                Reference stats = FolderScoring.features(a.images(), scorer, batch, false,
                        (done, total) -> progress.update(done, total, "", false));
                stats.statistics().save(second);
                System.out.printf("FID statistics (%s) of %d images of %s written to %s%n", scorer.fidMode(),
                        a.images().size(), first, second);
                return 0;
            }
            FolderScoring.KidSettings settings = withKid
                    ? new FolderScoring.KidSettings(kidSubsets, kidSubsetSize, Kid.DEFAULT_SEED) : null;
            FolderScoring.Comparison c = FolderScoring.compare(a, b, scorer, batch, settings, on,
                    (done, total) -> progress.update(done, total, "", false));
            System.out.printf(Locale.ROOT, "%s between %s (%s) and %s (%s)%n", c.fid().format(), first,
                    count(c.countA()), second, count(c.countB()));
            if (c.kid() != null) {
                System.out.println(c.kid().format());
            }
            if (json != null) {
                writeJson(c);
            }
        }
        return 0;
    }

    private static String count(int images) {
        return images < 0 ? "statistics" : images + " images";
    }

    private void writeJson(FolderScoring.Comparison c) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", first.toString());
        m.put("b", second.toString());
        m.put("images_a", c.countA() < 0 ? null : c.countA());
        m.put("images_b", c.countB() < 0 ? null : c.countB());
        m.put("fid", Double.isFinite(c.fid().value()) ? c.fid().value() : null);
        m.put("fid_mode", c.fid().mode());
        if (c.kid() != null) {
            m.put("kid_mean", c.kid().mean());
            m.put("kid_std", c.kid().std());
            m.put("kid_subsets", c.kid().subsets());
            m.put("kid_subset_size", c.kid().subsetSize());
        }
        AtomicFile.write(json, (Json.write(m) + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
