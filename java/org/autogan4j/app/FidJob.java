// `autogan4j fid A B` as a job: FID (and KID where asked) between two folders of images or a folder
// and an .npz of statistics, or the statistics of a folder (saveStats), in the chosen FID mode. Every
// input is checked before the Inception network loads, so a wrong path fails at once with one line.
package org.autogan4j.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

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

public final class FidJob {
    /**
     * The fid flags: A, B, whether to write A's statistics to B instead, the mode, KID and its subsets, and
     * a JSON file for the figures (or null).
     */
    public record Request(Path first, Path second, boolean saveStats, String mode, boolean kid, int kidSubsets,
            int kidSubsetSize, int batch, Path json, Path inceptionWeights, String device) {
    }

    /**
     * What a run found: the FID line (and KID line, or null) to print and the figures for --json; with
     * saveStats, the number of images whose statistics were written (else -1).
     */
    public record Outcome(String fidLine, String kidLine, Map<String, Object> figures, int savedImages,
            String fidMode) {
    }

    private FidJob() {
    }

    public static Outcome run(Request r, Log log) throws IOException {
        FidMode fidMode = FidMode.byName(r.mode());
        SettingChecks.count("--batch", r.batch(), 1, SettingChecks.MAX_EVAL_BATCH);
        if (r.saveStats() && !r.second().getFileName().toString().endsWith(".npz")) {
            throw new IllegalArgumentException("--save-stats writes an .npz; B is " + r.second());
        }
        boolean withKid = r.kid() && !r.saveStats();
        if (withKid) {
            SettingChecks.count("--kid-subsets", r.kidSubsets(), 1, 100_000);
            SettingChecks.count("--kid-subset-size", r.kidSubsetSize(), 2, 1_000_000);
        }
        FolderScoring.Input a = FolderScoring.check(r.first(), InceptionV3.FEATURES, withKid);
        if (r.saveStats() && !a.isFolder()) {
            throw new IllegalArgumentException("--save-stats needs a folder of images first, got " + r.first());
        }
        FolderScoring.Input b = r.saveStats() ? null : FolderScoring.check(r.second(), InceptionV3.FEATURES, withKid);
        Path weights = InceptionWeightsFile.require(r.inceptionWeights());
        Device on = DeviceChoice.resolve(r.device());
        ProgressLine progress = new ProgressLine(log, "fid", "images");
        try (InceptionScorer scorer = InceptionScorer.load(on, weights, fidMode)) {
            if (r.saveStats()) {
                Reference stats = FolderScoring.features(a.images(), scorer, r.batch(), false,
                        (done, total) -> progress.update(done, total, ""));
                stats.statistics().save(r.second());
                return new Outcome(null, null, Map.of(), a.images().size(), scorer.fidMode());
            }
            FolderScoring.KidSettings kid = withKid
                    ? new FolderScoring.KidSettings(r.kidSubsets(), r.kidSubsetSize(), Kid.DEFAULT_SEED) : null;
            FolderScoring.Comparison c = FolderScoring.compare(a, b, scorer, r.batch(), kid, on,
                    (done, total) -> progress.update(done, total, ""));
            String fidLine = String.format(Locale.ROOT, "%s between %s (%s) and %s (%s)", c.fid().format(), r.first(),
                    count(c.countA()), r.second(), count(c.countB()));
            Map<String, Object> figures = figures(r, c);
            if (r.json() != null) {
                AtomicFile.write(r.json(), (Json.write(figures) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return new Outcome(fidLine, c.kid() == null ? null : c.kid().format(), figures, -1, scorer.fidMode());
        }
    }

    private static String count(int images) {
        return images < 0 ? "statistics" : images + " images";
    }

    private static Map<String, Object> figures(Request r, FolderScoring.Comparison c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", r.first().toString());
        m.put("b", r.second().toString());
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
        return m;
    }
}
