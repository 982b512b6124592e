// The Inception network against PyTorch (tools/make_inception_fixture.py): with the script's formula
// weights and pytorch-fid's input convention (PyTorch bilinear to 299, 2x - 1), pool3, the logits
// pool3 x W^T without the fc bias and their softmax over 1008 classes match torchvision's Inception3
// with pytorch-fid's FID blocks, for a batch of two 32x32 images and one 40x40 image, on the CPU. Also:
// the tensor names the network reads are the PyTorch state_dict keys except fc.bias (which the
// original IS leaves out), the .pth loader maps names to values, and a missing file or tensor says
// where to get the weights.
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
    static final double RELATIVE = 1e-4;

    /** How far above the tolerance the two fixture images' features must differ to make the check mean something. */
    private static final double SIGNAL = 5;

    private static FormulaWeights weights;
    private static InceptionV3 net;
    private static InceptionInput input;

    @BeforeAll
    static void build() {
        weights = new FormulaWeights();
        net = new InceptionV3(Device.CPU, weights);
        input = new InceptionInput(Device.CPU);
    }

    @AfterAll
    static void close() {
        input.close();
        net.close();
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(InceptionV3Test.class.getResource("/fixtures/inception_net/" + name).toURI());
    }

    static double largest(float[] values) {
        double largest = 0;
        for (float v : values) {
            largest = Math.max(largest, Math.abs(v));
        }
        return largest;
    }

    /** Within RELATIVE of expected's largest magnitude. */
    static void assertClose(float[] expected, float[] actual, String what) {
        double scale = largest(expected);
        assertEquals(expected.length, actual.length, what + " length");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], RELATIVE * scale, what + " " + i);
        }
    }

    private static InceptionV3.Output pytorchFid(float[] x, int[] dims, Tensor unit) {
        unit.copyFrom(x);
        return net.forward(input.pytorchFidFromUnit(unit));
    }

    private static void checkCase(String name) {
        Fixture f = Fixture.load("inception_net/" + name);
        int[] dims = f.dims("x");
        try (Tensor unit = Tensor.empty(Device.CPU, dims)) {
            InceptionV3.Output out = pytorchFid(f.values("x"), dims, unit);
            assertClose(f.values("pool3"), out.pool3().toArray(), name + " pool3");
            assertClose(f.values("logits"), out.logits().toArray(), name + " logits without the fc bias");
            assertClose(f.values("probs"), out.probabilities().toArray(), name + " probabilities");
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
    void imagesAreToldApartLikePyTorch() {
        Fixture f = Fixture.load("inception_net/small");
        float[] expected = f.values("pool3");
        float[] x = f.values("x");
        int per = 3 * 32 * 32;
        float[][] alone = new float[2][];
        try (Tensor unit = Tensor.empty(Device.CPU, 1, 3, 32, 32)) {
            for (int i = 0; i < 2; i++) {
                float[] one = java.util.Arrays.copyOfRange(x, i * per, (i + 1) * per);
                alone[i] = pytorchFid(one, new int[] {1, 3, 32, 32}, unit).pool3().toArray();
            }
        }
        int d = InceptionV3.FEATURES;
        float[] expectedDiff = new float[d];
        float[] actualDiff = new float[d];
        for (int i = 0; i < d; i++) {
            expectedDiff[i] = expected[i] - expected[d + i];
            actualDiff[i] = alone[0][i] - alone[1][i];
        }
        double scale = largest(expected);
        assertTrue(largest(expectedDiff) > SIGNAL * RELATIVE * scale, "the fixture's two images must differ in "
                + "pool3 by well over the tolerance, or this test could not see an input bug");
        for (int i = 0; i < d; i++) {
            assertEquals(expectedDiff[i], actualDiff[i], RELATIVE * scale, "pool3 difference, one image per batch " + i);
        }
    }

    @Test
    void readsTheStateDictKeysExceptTheFcBias() throws Exception {
        List<String> keys = new ArrayList<>(Files.readAllLines(resource("names.txt")));
        assertTrue(keys.remove("fc.bias"), "the weights file has an fc bias");
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
    void rejectsInputsThatAreNotResizedRgbBatches() {
        try (Tensor small = Tensor.zeros(Device.CPU, 2, 3, 28, 28)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> net.forward(small));
            assertTrue(e.getMessage().contains("(n, 3, 299, 299)"), e.getMessage());
        }
        Uint8Batch grey = new Uint8Batch(1, 1, 4, 4, new byte[16]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> input.fromUint8(grey, FidMode.TF1));
        assertTrue(e.getMessage().contains("repeating the channel"), e.getMessage());
    }
}
