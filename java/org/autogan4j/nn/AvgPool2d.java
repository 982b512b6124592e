package org.autogan4j.nn;

import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;

/** 2x2 average pooling, stride 2 (the discriminator's downsampling): x (n,c,h,w) -> y (n,c,h/2,w/2). */
public final class AvgPool2d extends Layer {
    private Tensor x;

    public AvgPool2d(Device device) {
        super(device);
    }

    @Override
    public Tensor forward(Tensor x) {
        Tensor y = scratch("y", x.dim(0), x.dim(1), x.dim(2) / 2, x.dim(3) / 2);
        backend.avgPool2dForward(x, y);
        this.x = x;
        return y;
    }

    @Override
    public Tensor backward(Tensor dy) {
        Tensor dx = scratch("dx", saved(x, "AvgPool2d").shape().dims());
        backend.avgPool2dBackward(dy, dx);
        return dx;
    }
}
