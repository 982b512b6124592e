package org.autogan4j.metrics;

// InceptionScorer's conventions against PyTorch (tools/make_inception_fixture.py, formula weights):
// generated images in [-1, 1] are quantized to uint8 (truncating), TF1-resized and normalised to
// (x - 128) / 128 for IS, whose probabilities are the softmax of the unbiased logits; in mode tf1 the
// same forward gives the FID features; in mode clean uint8 images go through PIL's bicubic resize; in
// mode pytorch-fid generated images become (x + 1) / 2 and go through PyTorch's bilinear resize. The
// weights file is looked up in the order flag, system property, ~/.cache/autogan4j.

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.autogan4j.nn.Rng;
import org.autogan4j.testing.Fixture;
import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class InceptionScorerTest {
    private static InceptionScorer scorer(FidMode mode) {
        return new InceptionScorer(new InceptionV3(Device.CPU, new FormulaWeights()), mode);
    }

    @Test
    void isOfGeneratedImagesIsTheOriginalsTf1PathAndModeTf1SharesItsFeatures() {
        Fixture f = Fixture.load("inception_net/tf1");
        try (InceptionScorer scorer = scorer(FidMode.TF1);
                Tensor x = Tensor.of(Device.CPU, f.values("x"), f.dims("x"))) {
            Scorer.Scores both = scorer.score(x, Scorer.Outputs.BOTH);
            InceptionV3Test.assertClose(f.values("probs"), both.probabilities(), "tf1 probabilities");
            InceptionV3Test.assertClose(f.values("pool3"), both.features(), "tf1 pool3");
            assertEquals("tf1", scorer.fidMode());
            Scorer.Scores is = scorer.score(x, Scorer.Outputs.PROBABILITIES);
            assertArrayEquals(both.probabilities(), is.probabilities());
            assertNull(is.features());
        }
    }

    @Test
    void cleanModeResizesUint8ImagesWithPilBicubic() {
        Fixture f = Fixture.load("inception_net/clean");
        int[] dims = f.dims("x");
        float[] values = f.values("x");
        byte[] pixels = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            pixels[i] = (byte) (int) values[i];
        }
        try (InceptionScorer scorer = scorer(FidMode.CLEAN)) {
            Scorer.Scores s = scorer.score(new Uint8Batch(dims[0], dims[1], dims[2], dims[3], pixels),
                    Scorer.Outputs.FEATURES);
            InceptionV3Test.assertClose(f.values("pool3"), s.features(), "clean pool3");
            assertNull(s.probabilities());
            assertEquals("clean", scorer.fidMode());
        }
    }

    @Test
    void pytorchFidModeScoresGeneratedImagesAsTheirHalfPlusOneHalf() {
        try (InceptionScorer scorer = scorer(FidMode.PYTORCH_FID);
                Tensor x = Tensor.empty(Device.CPU, 2, 3, 20, 20)) {
            new Rng(5).uniform(x, -1f, 1f);
            Scorer.Scores scores = scorer.score(x, Scorer.Outputs.FEATURES);
            float[] values = x.toArray();
            for (int i = 0; i < values.length; i++) {
                values[i] = values[i] * 0.5f + 0.5f;
            }
            assertEquals(2, scores.n());
            try (InceptionV3 net = new InceptionV3(Device.CPU, new FormulaWeights());
                    InceptionInput input = new InceptionInput(Device.CPU);
                    Tensor unit = Tensor.of(Device.CPU, values, 2, 3, 20, 20)) {
                assertArrayEquals(net.forward(input.pytorchFidFromUnit(unit)).pool3().toArray(), scores.features());
            }
            try (Tensor gray = Tensor.empty(Device.CPU, 2, 1, 20, 20)) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> scorer.score(gray, Scorer.Outputs.BOTH));
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
