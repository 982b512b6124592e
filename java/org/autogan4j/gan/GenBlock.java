package org.autogan4j.gan;

import java.util.ArrayList;
import java.util.List;

import org.autogan4j.gan.CellChoice.Norm;
import org.autogan4j.gan.CellChoice.Up;
import org.autogan4j.nn.BatchNorm2d;
import org.autogan4j.nn.Conv2d;
import org.autogan4j.nn.ConvTranspose2d;
import org.autogan4j.nn.InstanceNorm2d;
import org.autogan4j.nn.Layer;
import org.autogan4j.nn.ReLU;
import org.autogan4j.nn.Sequential;
import org.autogan4j.nn.Upsample;
import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;
import org.autogan4j.tensor.UpsampleMode;

/**
 * One conv block of a generator cell (spec 1.3, 1.4, 1.6), x (n,C,h,w) -> y (n,C,h',w'), h' = 2h
 * when it is an up block:
 * pre-activation (PreGenBlock): norm over the input channels -> ReLU -> [up] -> conv3x3;
 * post-activation (PostGenBlock): [up] -> conv3x3 -> norm over the output channels -> ReLU.
 * Children as the original's state_dict: bn, deconv (every block of the shared generator has one;
 * only an up block uses it), conv. A derived block holds only its chosen modules.
 */
final class GenBlock extends Layer {
    private final boolean pre;
    private final boolean upBlock;
    private final Conv2d conv;
    private final BatchNorm2d bn;
    private final ConvTranspose2d deconv;
    private final InstanceNorm2d inn;
    private final Upsample upsample;
    private final ReLU relu;
    private List<Layer> path = List.of();

    /** choice = null builds every alternative (shared); otherwise only what choice uses. */
    GenBlock(Device device, int channels, boolean pre, boolean upBlock, CellChoice choice) {
        super(device);
        this.pre = pre;
        this.upBlock = upBlock;
        boolean all = choice == null;
        this.bn = all || choice.norm() == Norm.BN ? addChild("bn", new BatchNorm2d(device, channels)) : null;
        this.inn = all || choice.norm() == Norm.IN ? addChild("inn", new InstanceNorm2d(device)) : null;
        boolean deconvUsed = upBlock && !all && choice.up() == Up.DECONV;
        this.deconv = all || deconvUsed ? addChild("deconv", new ConvTranspose2d(device, channels, channels)) : null;
        boolean interpolates = upBlock && (all || choice.up() != Up.DECONV);
        this.upsample = interpolates ? addChild("up", new Upsample(device, UpsampleMode.NEAREST, 2)) : null;
        this.conv = addChild("conv", new Conv2d(device, channels, channels, 3, 1, true));
        this.relu = addChild("relu", new ReLU(device));
        if (choice != null) {
            setArch(choice.norm(), choice.up());
        }
    }

    /** Selects the norm and the up mode (the shared generator's set_arch). */
    void setArch(Norm norm, Up up) {
        List<Layer> layers = new ArrayList<>();
        Layer normLayer = norm == Norm.BN ? require(bn, "BatchNorm") : norm == Norm.IN ? require(inn, "IN") : null;
        Layer upLayer = null;
        if (upBlock) {
            if (up == Up.DECONV) {
                upLayer = require(deconv, "deconv");
            } else {
                upLayer = require(upsample, "interpolation");
                upsample.setMode(up == Up.BILINEAR ? UpsampleMode.BILINEAR : UpsampleMode.NEAREST);
            }
        }
        if (pre) {
            addIf(layers, normLayer);
            layers.add(relu);
            addIf(layers, upLayer);
            layers.add(conv);
        } else {
            addIf(layers, upLayer);
            layers.add(conv);
            addIf(layers, normLayer);
            layers.add(relu);
        }
        path = layers;
    }

    private static void addIf(List<Layer> layers, Layer layer) {
        if (layer != null) {
            layers.add(layer);
        }
    }

    private static Layer require(Layer layer, String what) {
        if (layer == null) {
            throw new IllegalStateException("this derived block was built without " + what
                    + "; build a Generator for the new architecture instead");
        }
        return layer;
    }

    @Override
    public Tensor forward(Tensor x) {
        if (path.isEmpty()) {
            throw new IllegalStateException("GenBlock.forward before setArch");
        }
        return Sequential.forwardAll(path, x);
    }

    @Override
    public Tensor backward(Tensor dy) {
        return Sequential.backwardAll(path, dy);
    }
}
