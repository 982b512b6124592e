package org.autogan4j.gan;

import java.util.ArrayList;
import java.util.List;

import org.autogan4j.nn.Init;
import org.autogan4j.nn.Layer;
import org.autogan4j.nn.Linear;
import org.autogan4j.nn.ReLU;
import org.autogan4j.nn.Rng;
import org.autogan4j.nn.Sequential;
import org.autogan4j.nn.SpectralNorm;
import org.autogan4j.nn.SumHw;
import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;

/**
 * The SNGAN-style ResNet discriminator (spec 2), one instance shared by every architecture and
 * stage: image (n,imgChannels,R,R) -> score (n,1). block1 (optimized, imgChannels -> df, /2),
 * block2 (df, /2), block3 (df), block4 (df), then ReLU, sum over H and W, l5 (Linear df -> 1, no
 * bias). The stage picks the blocks: 0 -> 1,4; 1 -> 1,2,4; 2 -> 1,2,3,4 (final training uses 2).
 * 1,053,824 parameters at df 128, 264,768 at df 64.
 */
public final class Discriminator extends Layer {
    private final Layer[] blocks = new Layer[4];
    private final ReLU relu;
    private final SumHw sum;
    private final SpectralNorm l5;
    private List<Layer> path;
    private int stage;

    public Discriminator(GanConfig config, Device device, Rng rng) {
        super(device);
        int ch = config.dfDim();
        blocks[0] = addChild("block1", new OptimizedDisBlock(device, config.imgChannels(), ch));
        blocks[1] = addChild("block2", new DisBlock(device, ch, true));
        blocks[2] = addChild("block3", new DisBlock(device, ch, false));
        blocks[3] = addChild("block4", new DisBlock(device, ch, false));
        relu = addChild("relu", new ReLU(device));
        sum = addChild("sum", new SumHw(device));
        l5 = addChild("l5", new SpectralNorm(new Linear(device, ch, 1, false)));
        Init.apply(this, rng);
        setStage(2);
    }

    /** Selects the blocks of a search stage (0, 1, 2); 2 is also the final-training layout. */
    public void setStage(int stage) {
        if (stage < 0 || stage > 2) {
            throw new IllegalArgumentException("discriminator stage " + stage + " must be 0, 1 or 2");
        }
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i <= stage; i++) {
            layers.add(blocks[i]);
        }
        layers.add(blocks[3]);
        layers.add(relu);
        layers.add(sum);
        layers.add(l5);
        this.path = layers;
        this.stage = stage;
    }

    public int stage() {
        return stage;
    }

    /** image (n,c,R,R) -> score (n,1). */
    @Override
    public Tensor forward(Tensor image) {
        return Sequential.forwardAll(path, image);
    }

    /** dScore (n,1) -> dImage; parameter gradients += where required. */
    @Override
    public Tensor backward(Tensor dScore) {
        return Sequential.backwardAll(path, dScore);
    }
}
