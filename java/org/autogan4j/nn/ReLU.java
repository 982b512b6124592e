package org.autogan4j.nn;

import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;

/** y = max(x, 0), out of place (the original never uses an in-place ReLU in G or D). */
public final class ReLU extends Layer {
    private Tensor y;

    public ReLU(Device device) {
        super(device);
    }

    @Override
    public Tensor forward(Tensor x) {
        y = scratch("y", x.shape().dims());
        backend.reluForward(x, y);
        return y;
    }

    @Override
    public Tensor backward(Tensor dy) {
        Tensor out = saved(y, "ReLU");
        Tensor dx = scratch("dx", out.shape().dims());
        backend.reluBackward(dy, out, dx);
        return dx;
    }
}
