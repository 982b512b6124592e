// GeneratorCost: the parameters and multiply-adds of 32 derived generators (8 architectures x the fmnist,
// paper-cifar10, STL-10 and a tiny size) equal those counted on the PyTorch model by forward hooks
// (tests/resources/fixtures/gan/generator_sizes.json, tools/make_size_fixtures.py), and the parameters
// equal what a built Generator holds.
package org.autogan4j.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.autogan4j.io.Json;
import org.autogan4j.io.JsonObject;
import org.autogan4j.nn.Rng;
import org.autogan4j.tensor.Device;
import org.junit.jupiter.api.Test;

class GeneratorCostTest {
    private static final Path FIXTURE = Path.of("tests", "resources", "fixtures", "gan", "generator_sizes.json");

    @Test
    void theCountsArePyTorchsAndTheBuiltGenerators() throws IOException {
        List<?> rows = (List<?>) Json.read(FIXTURE);
        assertEquals(32, rows.size());
        for (Object item : rows) {
            JsonObject row = JsonObject.of(FIXTURE.toString(), item);
            long[] codes = row.integers("arch");
            int[] arch = new int[codes.length];
            for (int i = 0; i < arch.length; i++) {
                arch[i] = (int) codes[i];
            }
            Architecture a = Architecture.of(arch);
            GanConfig config = GanConfig.fashionMnist().withSizes(row.integer("img_channels", 1, 3),
                    row.integer("latent_dim", 1, 2048), row.integer("gf_dim", 1, 2048), 8,
                    row.integer("bottom_width", 1, 8));
            GeneratorCost cost = GeneratorCost.of(config, a);
            String where = a + " at gf " + config.gfDim() + ", bw " + config.bottomWidth();
            assertEquals(row.integer("parameters", 1, Integer.MAX_VALUE), cost.parameters(), "parameters of " + where);
            assertEquals(row.integer("multiply_adds"), cost.multiplyAdds(), "multiply-adds of " + where);
            if (config.gfDim() <= 32) {
                try (Generator g = new Generator(config, a, Device.CPU, new Rng(1))) {
                    assertEquals(g.parameterCount(), cost.parameters(), "the built generator of " + where);
                }
            }
        }
    }
}
