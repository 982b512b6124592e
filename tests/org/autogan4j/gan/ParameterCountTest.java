// Parameter counts of spec 1.7, 1.8 and 2 (checked there by running the original code): the
// shared generator, the derived AutoGAN-top1 for CIFAR-10 and STL-10, and the discriminator.
package org.autogan4j.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.autogan4j.nn.Rng;
import org.autogan4j.tensor.Device;
import org.junit.jupiter.api.Test;

class ParameterCountTest {
    private static final GanConfig SEARCH = GanConfig.cifarSearch();

    @Test
    void sharedGeneratorAtGf128() {
        try (SharedGenerator g = new SharedGenerator(SEARCH, Device.CPU, new Rng(1))) {
            assertEquals(3_716_995L, g.parameterCount());
        }
    }

    @Test
    void derivedTop1AtGf256() {
        try (Generator g = new Generator(SEARCH.withSizes(3, 128, 256, 128, 4), Architecture.TOP1, Device.CPU,
                new Rng(1))) {
            assertEquals(4_405_251L, g.parameterCount());
        }
    }

    @Test
    void derivedTop1ForStl10() {
        try (Generator g = new Generator(SEARCH.withSizes(3, 128, 256, 128, 6), Architecture.TOP1, Device.CPU,
                new Rng(1))) {
            assertEquals(5_065_731L, g.parameterCount());
        }
    }

    @Test
    void discriminator() {
        try (Discriminator d128 = new Discriminator(SEARCH.withSizes(3, 128, 256, 128, 4), Device.CPU, new Rng(1));
                Discriminator d64 = new Discriminator(SEARCH, Device.CPU, new Rng(1))) {
            assertEquals(1_053_824L, d128.parameterCount());
            assertEquals(264_768L, d64.parameterCount());
        }
    }
}
