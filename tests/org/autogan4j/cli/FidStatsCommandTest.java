package org.autogan4j.cli;

// `fid-stats` on the first 150 Fashion-MNIST training images writes the mean and covariance that
// FeatureStatistics gives for the committed scorer's features of the same images, in an .npz that
// FidStatistics reads; a missing Inception weights file fails naming where it looked and where to
// download the file.

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.autogan4j.data.Dataset;
import org.autogan4j.data.Datasets;
import org.autogan4j.metrics.FashionScorer;
import org.autogan4j.metrics.FeatureStatistics;
import org.autogan4j.metrics.FidStatistics;
import org.autogan4j.metrics.InceptionWeights;
import org.autogan4j.metrics.InceptionWeightsFile;
import org.autogan4j.tensor.Device;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FidStatsCommandTest {
    /** Batches of 50 (command) and 500 (direct) may round a feature differently in the last bit. */
    private static final double FEATURE_ROUNDING = 1e-6;

    @Test
    void matchesFeatureStatisticsOfTheSameImages(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("f.npz");
        Cli.ok("fid-stats", "--dataset", "fashion-mnist", "--images", "150", "--batch", "50", "--output", out.toString(),
                "--device", "cpu");
        FidStatistics written = FidStatistics.load(out);
        Dataset images = Datasets.FASHION_MNIST.load(null, 32).head(150);
        FeatureStatistics direct = new FeatureStatistics(FashionScorer.FEATURES);
        try (FashionScorer scorer = FashionScorer.loadDefault(Device.CPU)) {
            direct.add(scorer.features(images), 150);
        }
        assertEquals(FashionScorer.FEATURES, written.dim());
        assertArrayEquals(direct.mean(), written.mu(), FEATURE_ROUNDING);
        assertArrayEquals(direct.covariance(), written.sigma(), FEATURE_ROUNDING);
    }

    @Test
    void missingInceptionWeightsNameTheLookupAndTheDownload(@TempDir Path dir) {
        Path missing = dir.resolve("nowhere.pth");
        Path out = dir.resolve("c.npz");
        Cli.Result r = Cli.run("fid-stats", "--dataset", "cifar10", "--inception-weights", missing.toString(), "--output",
                out.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains(missing.toString()), r.err());
        assertTrue(r.err().contains(InceptionWeights.URL), r.err());
        assertTrue(r.err().contains(InceptionWeightsFile.defaultPath().toString()), r.err());
        assertTrue(r.err().contains("--inception-weights"), r.err());
        assertFalse(Files.exists(out));
    }
}
