// The mean over H and W as a layer with a backward: the Fashion-MNIST scorer's global average pool
// for training (SumHw's kernels, then a scale by 1/(h*w)). x (n,c,h,w) -> y (n,c).
package org.autogan4j.metrics;

import org.autogan4j.nn.Layer;
import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;

public final class MeanHw extends Layer {
    private Tensor x;

    public MeanHw(Device device) {
        super(device);
    }

    @Override
    public Tensor forward(Tensor x) {
        Tensor y = scratch("y", x.dim(0), x.dim(1));
        backend.sumHwForward(x, y);
        backend.scale(y, 1f / (x.dim(2) * x.dim(3)));
        this.x = x;
        return y;
    }

    @Override
    public Tensor backward(Tensor dy) {
        Tensor input = saved(x, "MeanHw");
        Tensor dx = scratch("dx", input.shape().dims());
        backend.sumHwBackward(dy, dx);
        backend.scale(dx, 1f / (input.dim(2) * input.dim(3)));
        return dx;
    }
}
