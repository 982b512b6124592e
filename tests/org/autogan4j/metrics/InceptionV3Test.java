// The FID Inception network against PyTorch (tools/make_inception_fixture.py): with the script's
// formula weights, pool3, logits and probabilities match torchvision's Inception3 with pytorch-fid's
// FID blocks for a batch of two 32x32 images and one 40x40 image, run on the CPU at 299x299. Also:
// the tensor names the network reads are exactly the PyTorch state_dict keys, the .pth loader maps
// names to values, and a missing file or tensor says where to get the weights.
package org.autogan4j.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.autogan4j.testing.Fixture;
import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class InceptionV3Test {
    /** Against PyTorch, relative to the output's largest magnitude: float32 sums in other orders over ~40 layers. */
    private static final double RELATIVE = 1e-4;

    /** How far above the tolerance the two fixture images' features must differ to make the check mean something. */
    private static final double SIGNAL = 5;

    private static FormulaWeights weights;
    private static InceptionV3 net;

    @BeforeAll
    static void build() {
        weights = new FormulaWeights();
        net = new InceptionV3(Device.CPU, weights);
    }

    @AfterAll
    static void close() {
        net.close();
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(InceptionV3Test.class.getResource("/fixtures/inception_net/" + name).toURI());
    }

    private static double largest(float[] values) {
        double largest = 0;
        for (float v : values) {
            largest = Math.max(largest, Math.abs(v));
        }
        return largest;
    }

    /** Within RELATIVE of scale. */
    private static void assertClose(float[] expected, float[] actual, double scale, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], RELATIVE * scale, what + " " + i);
        }
    }

    private static void checkCase(String name) {
        Fixture f = Fixture.load("inception_net/" + name);
        int[] dims = f.dims("x");
        try (Tensor x = Tensor.of(Device.CPU, f.values("x"), dims)) {
            InceptionV3.Output out = net.forward(x);
            for (String output : new String[] {"pool3", "logits", "probs"}) {
                float[] expected = f.values(output);
                Tensor actual = output.equals("pool3") ? out.pool3()
                        : output.equals("logits") ? out.logits() : out.probabilities();
                assertClose(expected, actual.toArray(), largest(expected), name + " " + output);
            }
        }
    }

    @Test
    void batchOfTwo32x32MatchesPyTorch() {
        checkCase("small");
    }

    @Test
    void odd40x40MatchesPyTorch() {
        checkCase("odd");
    }

    @Test
    void imagesAreTellApartLikePyTorch() {
        Fixture f = Fixture.load("inception_net/small");
        float[] expected = f.values("pool3");
        float[] x = f.values("x");
        List<Integer> seen = new ArrayList<>();
        InceptionV3.Features features = net.evaluate(x, 2, 32, 32, 1, (done, total) -> seen.add(done));
        assertEquals(List.of(1, 2), seen);
        float[] expectedDiff = new float[InceptionV3.FEATURES];
        float[] actualDiff = new float[InceptionV3.FEATURES];
        for (int i = 0; i < InceptionV3.FEATURES; i++) {
            expectedDiff[i] = expected[i] - expected[InceptionV3.FEATURES + i];
            actualDiff[i] = features.pool3()[i] - features.pool3()[InceptionV3.FEATURES + i];
        }
        double scale = largest(expected);
        assertTrue(largest(expectedDiff) > SIGNAL * RELATIVE * scale, "the fixture's two images must differ in "
                + "pool3 by well over the tolerance, or this test could not see an input bug");
        assertClose(expectedDiff, actualDiff, scale, "pool3 difference between the images");
    }

    @Test
    void readsExactlyTheStateDictKeys() throws Exception {
        List<String> keys = Files.readAllLines(resource("names.txt"));
        List<String> asked = new ArrayList<>(weights.requested());
        asked.sort(null);
        keys.sort(null);
        assertEquals(keys, asked);
    }

    @Test
    void pthLoaderMapsNamesToValues() throws Exception {
        InceptionWeights file = InceptionWeights.fromFile(resource("pruned.pth"));
        int[] conv = {32, 3, 3, 3};
        assertArrayEquals(FormulaWeights.values("Conv2d_1a_3x3.conv.weight", conv),
                file.get("Conv2d_1a_3x3.conv.weight", conv));
        int[] bn = {32};
        for (String b : new String[] {"weight", "bias", "running_mean", "running_var"}) {
            String name = "Conv2d_1a_3x3.bn." + b;
            assertArrayEquals(FormulaWeights.values(name, bn), file.get(name, bn), name);
        }
        int[] fc = {InceptionV3.CLASSES};
        assertArrayEquals(FormulaWeights.values("fc.bias", fc), file.get("fc.bias", fc));
    }

    @Test
    void missingOrMisshapenTensorsSayWhereToGetTheFile() throws Exception {
        InceptionWeights file = InceptionWeights.fromFile(resource("pruned.pth"));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> InceptionV3.load(Device.CPU, resource("pruned.pth")));
        assertTrue(missing.getMessage().contains("has no tensor Conv2d_2a_3x3.conv.weight"), missing.getMessage());
        assertTrue(missing.getMessage().contains(InceptionWeights.URL), missing.getMessage());
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> file.get("fc.bias", new int[] {1000}));
        assertTrue(shape.getMessage().contains("[1008]"), shape.getMessage());
        IOException absent = assertThrows(IOException.class,
                () -> InceptionWeights.fromFile(resource("names.txt").resolveSibling("absent.pth")));
        assertTrue(absent.getMessage().contains(InceptionWeights.URL), absent.getMessage());
        assertTrue(absent.getMessage().contains(InceptionWeights.PROPERTY), absent.getMessage());
    }

    @Test
    void rejectsImagesThatAreNotRgbBatches() {
        try (Tensor gray = Tensor.zeros(Device.CPU, 2, 1, 28, 28)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> net.forward(gray));
            assertTrue(e.getMessage().contains("repeat a grayscale channel"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> net.evaluate(new float[3 * 8 * 8], 2, 8, 8, 1, null));
        assertThrows(IllegalArgumentException.class, () -> net.evaluate(new float[3 * 8 * 8], 1, 8, 8, 0, null));
    }
}
