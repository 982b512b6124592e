package org.autogan4j.nn;

import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;

/** y = tanh(x): the generator's output layer. */
public final class Tanh extends Layer {
    private Tensor y;

    public Tanh(Device device) {
        super(device);
    }

    @Override
    public Tensor forward(Tensor x) {
        y = scratch("y", x.shape().dims());
        backend.tanhForward(x, y);
        return y;
    }

    @Override
    public Tensor backward(Tensor dy) {
        Tensor out = saved(y, "Tanh");
        Tensor dx = scratch("dx", out.shape().dims());
        backend.tanhBackward(dy, out, dx);
        return dx;
    }
}
