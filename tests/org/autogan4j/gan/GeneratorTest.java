// The derived Generator against the shared one: its parameter names are a subset of the shared
// generator's, and with the same weights (copied by name) both give the same image for the same z,
// in training and in eval mode; stage resolutions; and a clear error for a bad z.
package org.autogan4j.gan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.autogan4j.nn.Parameter;
import org.autogan4j.nn.Rng;
import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;
import org.autogan4j.testing.Tensors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GeneratorTest {
    private static final GanConfig CONFIG = new GanConfig(3, 8, 8, 8, 4, 4, 6, 5, 2e-4f, 0f, 0.9f, 0.999f, false);

    @ParameterizedTest
    @ValueSource(strings = {"1,0,1,1,1,0,0,1,1,1,0,1,0,3", "0,1,2,0,0,2,2,1,1,0,1,0,1,2",
            "1,2,0,1,1,1,1,0,0,1,2,2,1,1", "0,0,1,1,1,2,0,0,1,0,2,1,0,0"})
    void derivedEqualsSharedWithTheSameWeights(String text) {
        Architecture arch = Architecture.parse(text);
        try (SharedGenerator shared = new SharedGenerator(CONFIG, Device.CPU, new Rng(5));
                Generator derived = new Generator(CONFIG, arch, Device.CPU, new Rng(6));
                Tensors t = new Tensors()) {
            Map<String, Parameter> sharedParams = shared.namedParameters();
            derived.namedParameters().forEach((name, p) -> {
                assertTrue(sharedParams.containsKey(name), name + " is not a shared-generator name");
                p.value().copyFrom(sharedParams.get(name).value());
            });
            shared.setArch(arch, 2);
            Tensor z = t.of(Tensors.randn(9, 4 * 8), 4, 8);
            for (boolean training : new boolean[] {true, false}) {
                shared.train(training);
                derived.train(training);
                float[] expected = shared.forward(z).toArray();
                assertArrayEquals(expected, derived.forward(z).toArray(), "training " + training);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void stageSetsTheResolution(int stage) {
        try (SharedGenerator g = new SharedGenerator(CONFIG, Device.CPU, new Rng(5)); Tensors t = new Tensors()) {
            g.setArch(Architecture.TOP1, stage);
            Tensor image = g.forward(t.of(Tensors.randn(1, 2 * 8), 2, 8));
            int r = CONFIG.resolution(stage);
            assertArrayEquals(new int[] {2, 3, r, r}, image.shape().dims());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {7, 9})
    void wrongLatentSizeIsAClearError(int latent) {
        try (Generator g = new Generator(CONFIG, Architecture.TOP1, Device.CPU, new Rng(5)); Tensors t = new Tensors()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> g.forward(t.of(new float[2 * latent], 2, latent)));
            assertTrue(e.getMessage().contains("must be (n, 8)"), e.getMessage());
        }
    }
}
