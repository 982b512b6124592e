package org.autogan4j.nn;

import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;

/** Sum over H and W (the discriminator head sums, it does not average): x (n,c,h,w) -> y (n,c). */
public final class SumHw extends Layer {
    private Tensor x;

    public SumHw(Device device) {
        super(device);
    }

    @Override
    public Tensor forward(Tensor x) {
        Tensor y = scratch("y", x.dim(0), x.dim(1));
        backend.sumHwForward(x, y);
        this.x = x;
        return y;
    }

    @Override
    public Tensor backward(Tensor dy) {
        Tensor dx = scratch("dx", saved(x, "SumHw").shape().dims());
        backend.sumHwBackward(dy, dx);
        return dx;
    }
}
