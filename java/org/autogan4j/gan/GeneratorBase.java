package org.autogan4j.gan;

import java.util.ArrayList;
import java.util.List;

import org.autogan4j.nn.BatchNorm2d;
import org.autogan4j.nn.Conv2d;
import org.autogan4j.nn.Init;
import org.autogan4j.nn.Layer;
import org.autogan4j.nn.Linear;
import org.autogan4j.nn.ReLU;
import org.autogan4j.nn.Rng;
import org.autogan4j.nn.Sequential;
import org.autogan4j.nn.Tanh;
import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;

/**
 * The generator's chain (spec 1): z (n,latent) -> l1 (Linear to bw*bw*C, viewed (n,C,bw,bw)) ->
 * cell1 -> cell2 -> cell3, stopping after cell (stage + 1) -> to_rgb (BN, ReLU, conv3x3 to the image
 * channels, tanh) -> image (n,imgChannels,R,R), R = bw * 2^(stage + 1). Cells receive the earlier
 * cells' skip outputs. {@link SharedGenerator} and {@link Generator} decide which modules exist.
 */
public abstract class GeneratorBase extends Layer {
    protected final GanConfig config;
    private final Linear l1;
    private final Cell[] cells = new Cell[3];
    private final Sequential toRgb;
    private int stage = 2;
    private int batch;

    /** fixed = null builds every choice (the shared generator); weights initialised from rng. */
    protected GeneratorBase(GanConfig config, Device device, Architecture fixed, Rng rng) {
        super(device);
        this.config = config;
        int c = config.gfDim();
        int bw = config.bottomWidth();
        this.l1 = addChild("l1", new Linear(device, config.latentDim(), bw * bw * c, true));
        for (int i = 0; i < 3; i++) {
            cells[i] = addChild("cell" + (i + 1), new Cell(device, i + 1, c, fixed == null ? null : fixed.cell(i + 1)));
        }
        this.toRgb = addChild("to_rgb", new Sequential(device, new BatchNorm2d(device, c), new ReLU(device),
                new Conv2d(device, c, config.imgChannels(), 3, 1, true), new Tanh(device)));
        Init.apply(this, rng);
    }

    /** How many cells run: stage 0 -> 1 (8x8 at bw 4), 1 -> 2, 2 -> 3. */
    protected void setStage(int stage) {
        if (stage < 0 || stage > 2) {
            throw new IllegalArgumentException("stage " + stage + " must be 0, 1 or 2");
        }
        this.stage = stage;
    }

    public int stage() {
        return stage;
    }

    protected Cell cell(int index) {
        return cells[index - 1];
    }

    /** z (n, latent) -> image (n, imgChannels, R, R). */
    @Override
    public Tensor forward(Tensor z) {
        if (z.shape().rank() != 2 || z.dim(1) != config.latentDim()) {
            throw new IllegalArgumentException("generator input z has shape " + z.shape() + " but must be (n, "
                    + config.latentDim() + ")");
        }
        batch = z.dim(0);
        int bw = config.bottomWidth();
        Tensor h = l1.forward(z).view(batch, config.gfDim(), bw, bw);
        List<Tensor> skips = new ArrayList<>();
        for (int i = 0; i <= stage; i++) {
            h = cells[i].forward(h, skips);
            skips.add(cells[i].skipOut());
        }
        return toRgb.forward(h);
    }

    /** dImage (n, imgChannels, R, R) -> dz (n, latent); parameter gradients +=. */
    @Override
    public Tensor backward(Tensor dImage) {
        Tensor d = toRgb.backward(dImage);
        Tensor[] dSkip = new Tensor[stage];
        for (int c = stage; c >= 0; c--) {
            d = cells[c].backward(d, c < stage ? dSkip[c] : null);
            for (int i = 0; i < c; i++) {
                Tensor g = cells[c].skipGrad(i);
                if (g == null) {
                    continue;
                }
                if (dSkip[i] == null) {
                    dSkip[i] = g;
                } else {
                    Tensor sum = scratch("dskip" + i, g.shape().dims());
                    backend.add(sum, dSkip[i], g);
                    dSkip[i] = sum;
                }
            }
        }
        int bw = config.bottomWidth();
        return l1.backward(d.view(batch, config.gfDim() * bw * bw));
    }

    public GanConfig config() {
        return config;
    }
}
