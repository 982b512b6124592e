package org.autogan4j.nn;

import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;

/** ConvTranspose2d, kernel 2, stride 2 (PyTorch layout): x (n,in,h,w), weight (in,out,2,2), bias (out) -> y (n,out,2h,2w). */
public final class ConvTranspose2d extends Layer implements Weighted {
    private final int in;
    private final int out;
    private final Parameter weight;
    private final Parameter bias;
    private Tensor x;

    public ConvTranspose2d(Device device, int in, int out) {
        super(device);
        this.in = in;
        this.out = out;
        this.weight = addParameter("weight", in, out, 2, 2);
        this.bias = addParameter("bias", out);
    }

    @Override
    public Tensor forward(Tensor x) {
        Tensor y = scratch("y", x.dim(0), out, 2 * x.dim(2), 2 * x.dim(3));
        backend.convTranspose2dForward(x, weight.value(), bias.value(), y);
        this.x = x;
        return y;
    }

    @Override
    public Tensor backward(Tensor dy) {
        Tensor input = saved(x, "ConvTranspose2d");
        if (weight.requiresGrad()) {
            backend.convTranspose2dBackwardWeight(input, dy, weight.gradToAdd(), bias.gradToAdd());
        }
        Tensor dx = scratch("dx", input.shape().dims());
        backend.convTranspose2dBackwardData(dy, weight.value(), dx);
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

    /** PyTorch takes fan_in from weight dim 1 (out) times the 2x2 kernel. */
    @Override
    public int fanIn() {
        return out * 4;
    }

    @Override
    public int fanOut() {
        return in * 4;
    }
}
