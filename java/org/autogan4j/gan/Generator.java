package org.autogan4j.gan;

import org.autogan4j.nn.Rng;
import org.autogan4j.tensor.Device;

/**
 * A derived generator (final training, spec 1.8): one fixed architecture at stage 2 in which only
 * the chosen modules exist, named as in the shared generator so shared weights load by name.
 * AutoGAN-top1 at gf 256 has 4,405,251 parameters; with bottom width 6 (STL-10) 5,065,731.
 */
public final class Generator extends GeneratorBase {
    private final Architecture arch;

    public Generator(GanConfig config, Architecture arch, Device device, Rng rng) {
        super(config, device, arch, rng);
        this.arch = arch;
        setStage(2);
    }

    public Architecture arch() {
        return arch;
    }
}
