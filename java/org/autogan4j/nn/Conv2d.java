package org.autogan4j.nn;

import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;

/** Conv2d, stride 1, square kernel, zero padding: x (n,in,h,w), weight (out,in,k,k), bias (out) -> y (n,out,p,q). */
public final class Conv2d extends Layer implements Weighted {
    private final int in;
    private final int out;
    private final int kernel;
    private final int pad;
    private final Parameter weight;
    private final Parameter bias;
    private Tensor x;

    public Conv2d(Device device, int in, int out, int kernel, int pad, boolean withBias) {
        super(device);
        this.in = in;
        this.out = out;
        this.kernel = kernel;
        this.pad = pad;
        this.weight = addParameter("weight", out, in, kernel, kernel);
        this.bias = withBias ? addParameter("bias", out) : null;
    }

    @Override
    public Tensor forward(Tensor x) {
        int p = x.dim(2) + 2 * pad - kernel + 1;
        int q = x.dim(3) + 2 * pad - kernel + 1;
        Tensor y = scratch("y", x.dim(0), out, p, q);
        backend.conv2dForward(x, weight.value(), bias == null ? null : bias.value(), y, 1, 1, pad, pad);
        this.x = x;
        return y;
    }

    @Override
    public Tensor backward(Tensor dy) {
        Tensor input = saved(x, "Conv2d");
        if (weight.requiresGrad()) {
            backend.conv2dBackwardWeight(input, dy, weight.gradToAdd(), bias == null ? null : bias.gradToAdd(), 1, 1, pad, pad);
        }
        Tensor dx = scratch("dx", input.shape().dims());
        backend.conv2dBackwardData(dy, weight.value(), dx, 1, 1, pad, pad);
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
        return in * kernel * kernel;
    }

    @Override
    public int fanOut() {
        return out * kernel * kernel;
    }
}
