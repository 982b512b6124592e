package org.autogan4j.nn;

import java.util.ArrayList;
import java.util.List;

import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;

/** Layers run in order, named "0", "1", ... as in nn.Sequential (to_rgb, skip_deconvx4). */
public final class Sequential extends Layer {
    private final List<Layer> layers = new ArrayList<>();

    public Sequential(Device device, Layer... layers) {
        super(device);
        for (Layer layer : layers) {
            this.layers.add(addChild(Integer.toString(this.layers.size()), layer));
        }
    }

    @Override
    public Tensor forward(Tensor x) {
        return forwardAll(layers, x);
    }

    @Override
    public Tensor backward(Tensor dy) {
        return backwardAll(layers, dy);
    }

    /** The layer at index i. */
    public Layer get(int i) {
        return layers.get(i);
    }

    /** Runs x through layers in order. */
    public static Tensor forwardAll(List<? extends Layer> layers, Tensor x) {
        Tensor h = x;
        for (Layer layer : layers) {
            h = layer.forward(h);
        }
        return h;
    }

    /** Runs dy back through layers in reverse order. */
    public static Tensor backwardAll(List<? extends Layer> layers, Tensor dy) {
        Tensor d = dy;
        for (int i = layers.size() - 1; i >= 0; i--) {
            d = layers.get(i).backward(d);
        }
        return d;
    }
}
