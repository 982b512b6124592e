// Flattens x (n, c, h, w) -> y (n, c*h*w) as a view of the same memory (the Fashion-MNIST scorer's
// step from its last convolution's 4x4 grid to its fully connected layers); backward views dy back.
package org.autogan4j.metrics;

import org.autogan4j.nn.Layer;
import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;

public final class Flatten extends Layer {
    private int[] xDims;

    public Flatten(Device device) {
        super(device);
    }

    @Override
    public Tensor forward(Tensor x) {
        xDims = x.shape().dims();
        return x.view(x.dim(0), (int) (x.numel() / x.dim(0)));
    }

    @Override
    public Tensor backward(Tensor dy) {
        if (xDims == null) {
            throw new IllegalStateException("Flatten.backward called before forward");
        }
        return dy.view(xDims);
    }
}
