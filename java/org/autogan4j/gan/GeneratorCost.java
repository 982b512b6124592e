package org.autogan4j.gan;

import org.autogan4j.gan.CellChoice.Norm;
import org.autogan4j.gan.CellChoice.Up;

/**
 * The size of a derived generator without building it: its parameters (what {@link Generator} holds
 * for the architecture) and its multiply-adds per image, counted as profilers (thop, fvcore) count
 * them: a convolution adds output elements x input channels x kernel area, a 2x2 stride-2 transposed
 * convolution input elements x output channels x 4, the stem Linear latent x outputs; bias adds,
 * norms, activations and interpolations count nothing. With C = gf_dim and cell i (1..3) going from
 * side h = bottom_width x 2^(i-1) to H = 2h: two 3x3 convs at H; a deconv up-sample (H^2 C^2) when
 * the cell's up mode is deconv; the shortcut's 1x1 conv (and its deconv); per skip input its 1x1 conv
 * and, in deconv mode, one or two deconvs; then to_rgb's 3x3 conv to the image channels.
 */
public record GeneratorCost(long parameters, long multiplyAdds) {
    /** The cost of arch at config's sizes (stage 2: all three cells). */
    public static GeneratorCost of(GanConfig config, Architecture arch) {
        long c = config.gfDim();
        long bw = config.bottomWidth();
        long conv3 = 9 * c * c + c;
        long conv1 = c * c + c;
        long deconv = 4 * c * c + c;
        long params = config.latentDim() * bw * bw * c + bw * bw * c;
        long macs = config.latentDim() * bw * bw * c;
        for (int i = 1; i <= 3; i++) {
            CellChoice cell = arch.cell(i);
            boolean up = cell.up() == Up.DECONV;
            long area = (bw << i) * (bw << i);
            params += 2 * conv3 + (cell.norm() == Norm.BN ? 4 * c : 0) + (up ? deconv : 0);
            macs += 2 * area * c * c * 9 + (up ? area * c * c : 0);
            if (cell.shortcut()) {
                params += conv1 + (up ? deconv : 0);
                macs += area * c * c * (up ? 2 : 1);
            }
            boolean[] skips = cell.skipFrom();
            boolean fromHalf = false;
            boolean fromQuarter = false;
            for (int j = 0; j < skips.length; j++) {
                if (skips[j]) {
                    params += conv1;
                    macs += area * c * c;
                    fromHalf |= i - j - 1 == 1;
                    fromQuarter |= i - j - 1 == 2;
                }
            }
            if (up && fromHalf) {
                params += deconv;
                macs += area * c * c;
            }
            if (up && fromQuarter) {
                params += 2 * deconv;
                macs += area * c * c + area / 4 * c * c;
            }
        }
        long side = bw * 8;
        int img = config.imgChannels();
        params += 2 * c + 9 * c * img + img;
        macs += side * side * c * img * 9;
        return new GeneratorCost(params, macs);
    }
}
