package org.autogan4j.gan;

import org.autogan4j.nn.Rng;
import org.autogan4j.tensor.Device;

/**
 * The search-time generator (spec 1.7): every cell holds every alternative module, and
 * {@link #setArch} picks one architecture and stage. Weights are shared as in the original: the
 * 3x3 convs per block type across N and U choices, c_sc across U modes, one skip_in_ops conv per
 * slot, the stem, head and BN statistics across everything. 3,716,995 parameters at gf 128.
 */
public final class SharedGenerator extends GeneratorBase {
    private Architecture arch;

    /** Every module of the search space, initialised as the original (spec 3) from rng. */
    public SharedGenerator(GanConfig config, Device device, Rng rng) {
        super(config, device, null, rng);
    }

    /** Switches to arch at stage (0: cell 1 only, 8x8 at bw 4; 1: cells 1-2; 2: all three). */
    public void setArch(Architecture arch, int stage) {
        setStage(stage);
        for (int i = 1; i <= stage + 1; i++) {
            cell(i).setArch(arch.cell(i));
        }
        this.arch = arch;
    }

    /** The architecture last set, or null before {@link #setArch}. */
    public Architecture arch() {
        return arch;
    }
}
