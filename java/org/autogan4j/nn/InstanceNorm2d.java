package org.autogan4j.nn;

import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;

/**
 * InstanceNorm2d with PyTorch's defaults: eps 1e-5, no affine parameters, no running statistics,
 * so train and eval compute the same thing: x (n,c,h,w) -> y, per (sample, channel).
 */
public final class InstanceNorm2d extends Layer {
    public static final float EPS = 1e-5f;

    private Tensor x;

    public InstanceNorm2d(Device device) {
        super(device);
    }

    @Override
    public Tensor forward(Tensor x) {
        Tensor y = scratch("y", x.shape().dims());
        backend.instanceNorm2dForward(x, y, scratch("saveMean", x.dim(0), x.dim(1)),
                scratch("saveInvStd", x.dim(0), x.dim(1)), EPS);
        this.x = x;
        return y;
    }

    @Override
    public Tensor backward(Tensor dy) {
        Tensor input = saved(x, "InstanceNorm2d");
        Tensor dx = scratch("dx", input.shape().dims());
        backend.instanceNorm2dBackward(input, dy, scratch("saveMean", input.dim(0), input.dim(1)),
                scratch("saveInvStd", input.dim(0), input.dim(1)), dx);
        return dx;
    }
}
