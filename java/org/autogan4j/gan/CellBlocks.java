package org.autogan4j.gan;

import org.autogan4j.gan.CellChoice.Conv;
import org.autogan4j.gan.CellChoice.Up;
import org.autogan4j.nn.Conv2d;
import org.autogan4j.nn.ConvTranspose2d;
import org.autogan4j.nn.Layer;
import org.autogan4j.nn.Module;
import org.autogan4j.nn.Sequential;
import org.autogan4j.nn.Upsample;
import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.UpsampleMode;

/**
 * The modules of one cell, registered on it under the original's names (spec 1.7): pre_conv1,
 * pre_conv2, post_conv1, post_conv2, deconv_sc, c_sc, skip_deconvx2, skip_deconvx4.{0,1},
 * skip_in_ops.{i}. The shared cell holds every alternative (skip_in_ops for each earlier cell);
 * a derived cell only the modules its choice uses. Interpolations (no parameters) are unnamed
 * helpers, one per use so that their saved state never collides.
 */
final class CellBlocks {
    private final int index;
    private final GenBlock preConv1;
    private final GenBlock preConv2;
    private final GenBlock postConv1;
    private final GenBlock postConv2;
    private final ConvTranspose2d deconvSc;
    private final Conv2d cSc;
    private final ConvTranspose2d skipDeconvx2;
    private final Sequential skipDeconvx4;
    private final Conv2d[] skipInOps;
    private final Upsample scUpsample;
    private final Upsample[] skipUpsample;

    CellBlocks(Cell cell, Device device, int index, int channels, CellChoice fixed) {
        this.index = index;
        boolean all = fixed == null;
        boolean pre = !all && fixed.conv() == Conv.PRE;
        boolean deconv = !all && fixed.up() == Up.DECONV;
        boolean sc = !all && fixed.shortcut();
        this.preConv1 = all || pre ? addTo(cell, "pre_conv1", new GenBlock(device, channels, true, true, fixed)) : null;
        this.preConv2 = all || pre ? addTo(cell, "pre_conv2", new GenBlock(device, channels, true, false, fixed)) : null;
        this.postConv1 = all || !pre ? addTo(cell, "post_conv1", new GenBlock(device, channels, false, true, fixed))
                : null;
        this.postConv2 = all || !pre ? addTo(cell, "post_conv2", new GenBlock(device, channels, false, false, fixed))
                : null;
        this.deconvSc = all || (sc && deconv) ? addTo(cell, "deconv_sc", new ConvTranspose2d(device, channels, channels))
                : null;
        this.cSc = all || sc ? addTo(cell, "c_sc", new Conv2d(device, channels, channels, 1, 0, true)) : null;
        this.scUpsample = all || (sc && !deconv) ? addTo(cell, "sc_up", new Upsample(device, UpsampleMode.NEAREST, 2))
                : null;
        boolean[] used = new boolean[index - 1];
        boolean x2 = all;
        boolean x4 = all;
        for (int i = 0; i < used.length; i++) {
            used[i] = all || fixed.skipFrom()[i];
            x2 |= used[i] && deconv && factor(i) == 2;
            x4 |= used[i] && deconv && factor(i) == 4;
        }
        this.skipDeconvx2 = x2 ? addTo(cell, "skip_deconvx2", new ConvTranspose2d(device, channels, channels)) : null;
        this.skipDeconvx4 = x4 ? addTo(cell, "skip_deconvx4", new Sequential(device,
                new ConvTranspose2d(device, channels, channels), new ConvTranspose2d(device, channels, channels)))
                : null;
        this.skipInOps = new Conv2d[used.length];
        this.skipUpsample = new Upsample[used.length];
        for (int i = 0; i < used.length; i++) {
            if (used[i]) {
                skipInOps[i] = addTo(cell, "skip_in_ops." + i, new Conv2d(device, channels, channels, 1, 0, true));
            }
            if (used[i] && (all || !deconv)) {
                skipUpsample[i] = addTo(cell, "skip_up." + i, new Upsample(device, UpsampleMode.NEAREST, factor(i)));
            }
        }
    }

    private static <M extends Module> M addTo(Cell cell, String name, M child) {
        return cell.register(name, child);
    }

    /** How much the skip output of cell i + 1 must grow to reach this cell's output: 2^(index - i - 1). */
    private int factor(int i) {
        return 1 << (index - i - 1);
    }

    int index() {
        return index;
    }

    /** The first (up) or second conv block of the pre- or post-activation type. */
    GenBlock block(boolean pre, int which) {
        GenBlock b = pre ? (which == 1 ? preConv1 : preConv2) : (which == 1 ? postConv1 : postConv2);
        return present(b, (pre ? "pre" : "post") + "_conv" + which);
    }

    Conv2d cSc() {
        return present(cSc, "c_sc");
    }

    /** The shortcut's 2x upsampling of the raw x: deconv_sc under deconv, else interpolation. */
    Layer shortcutUp(Up up) {
        if (up == Up.DECONV) {
            return present(deconvSc, "deconv_sc");
        }
        present(scUpsample, "the shortcut interpolation").setMode(mode(up));
        return scUpsample;
    }

    /** Resizes skip input i to this cell's output size (interpolation or skip_deconvx2 / x4). */
    Layer skipResize(int i, Up up) {
        if (up == Up.DECONV) {
            return factor(i) == 2 ? present(skipDeconvx2, "skip_deconvx2") : present(skipDeconvx4, "skip_deconvx4");
        }
        present(skipUpsample[i], "the skip interpolation " + i).setMode(mode(up));
        return skipUpsample[i];
    }

    Conv2d skipIn(int i) {
        return present(skipInOps[i], "skip_in_ops." + i);
    }

    private static UpsampleMode mode(Up up) {
        return up == Up.BILINEAR ? UpsampleMode.BILINEAR : UpsampleMode.NEAREST;
    }

    private <T> T present(T module, String name) {
        if (module == null) {
            throw new IllegalStateException("cell " + index + " was built without " + name
                    + " (a derived cell holds only its own choices); build a Generator for the new architecture");
        }
        return module;
    }
}
