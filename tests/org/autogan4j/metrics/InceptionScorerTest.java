package org.autogan4j.metrics;

// InceptionScorer maps generator images in [-1, 1] to (x + 1) / 2 before pytorch-fid's network: its
// probabilities and features equal the network's own outputs on images converted by hand (the
// formula weights stand in for the real file), it refuses 1-channel images, and the weights file
// is looked up in the order flag, system property, ~/.cache/autogan4j.

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.autogan4j.nn.Rng;
import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class InceptionScorerTest {
    @Test
    void scoresImagesInMinusOneToOneAsTheNetworkScoresThemInZeroToOne() {
        try (InceptionScorer scorer = new InceptionScorer(new InceptionV3(Device.CPU, new FormulaWeights()));
                Tensor x = Tensor.empty(Device.CPU, 2, 3, 20, 20)) {
            new Rng(5).uniform(x, -1f, 1f);
            Scorer.Scores scores = scorer.score(x);
            float[] values = x.toArray();
            for (int i = 0; i < values.length; i++) {
                values[i] = (values[i] + 1f) / 2f;
            }
            assertEquals(2, scores.n());
            assertEquals(2 * InceptionV3.CLASSES, scores.probabilities().length);
            assertEquals(2 * InceptionV3.FEATURES, scores.features().length);
            try (InceptionV3 net = new InceptionV3(Device.CPU, new FormulaWeights());
                    Tensor unit = Tensor.of(Device.CPU, values, 2, 3, 20, 20)) {
                InceptionV3.Output out = net.forward(unit);
                assertArrayEquals(out.probabilities().toArray(), scores.probabilities());
                assertArrayEquals(out.pool3().toArray(), scores.features());
            }
            try (Tensor gray = Tensor.empty(Device.CPU, 2, 1, 20, 20)) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> scorer.score(gray));
                assertTrue(e.getMessage().contains("3-channel"), e.getMessage());
            }
        }
    }

    @Test
    void theWeightsFileIsTheFlagThenThePropertyThenTheCache() {
        String before = System.getProperty(InceptionWeights.PROPERTY);
        try {
            System.clearProperty(InceptionWeights.PROPERTY);
            assertEquals(InceptionWeightsFile.defaultPath(), InceptionWeightsFile.choose(null).path());
            assertTrue(InceptionWeightsFile.defaultPath().endsWith(Path.of(".cache", "autogan4j", InceptionWeights.FILE_NAME)));
            System.setProperty(InceptionWeights.PROPERTY, "/from/property.pth");
            assertEquals(Path.of("/from/property.pth"), InceptionWeightsFile.choose(null).path());
            assertEquals(Path.of("/from/flag.pth"), InceptionWeightsFile.choose(Path.of("/from/flag.pth")).path());
        } finally {
            if (before == null) {
                System.clearProperty(InceptionWeights.PROPERTY);
            } else {
                System.setProperty(InceptionWeights.PROPERTY, before);
            }
        }
    }
}
