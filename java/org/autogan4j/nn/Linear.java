package org.autogan4j.nn;

import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;

/** y = x W^T + b: x (n,in), weight (out,in), bias (out) or none -> y (n,out). */
public final class Linear extends Layer implements Weighted {
    private final int in;
    private final int out;
    private final Parameter weight;
    private final Parameter bias;
    private Tensor x;

    public Linear(Device device, int in, int out, boolean withBias) {
        super(device);
        this.in = in;
        this.out = out;
        this.weight = addParameter("weight", out, in);
        this.bias = withBias ? addParameter("bias", out) : null;
    }

    @Override
    public Tensor forward(Tensor x) {
        Tensor y = scratch("y", x.dim(0), out);
        backend.linearForward(x, weight.value(), bias == null ? null : bias.value(), y);
        this.x = x;
        return y;
    }

    @Override
    public Tensor backward(Tensor dy) {
        Tensor input = saved(x, "Linear");
        if (weight.requiresGrad()) {
            backend.linearBackwardWeight(input, dy, weight.gradToAdd(), bias == null ? null : bias.gradToAdd());
        }
        Tensor dx = scratch("dx", input.shape().dims());
        backend.linearBackwardData(dy, weight.value(), dx);
        return dx;
    }

    @Override
    public Parameter weight() {
        return weight;
    }

    @Override
    public Parameter bias() {
        return bias;
    }

    @Override
    public int fanIn() {
        return in;
    }

    @Override
    public int fanOut() {
        return out;
    }
}
