package org.autogan4j.gan;

import org.autogan4j.nn.AvgPool2d;
import org.autogan4j.nn.Conv2d;
import org.autogan4j.nn.Layer;
import org.autogan4j.nn.ReLU;
import org.autogan4j.nn.SpectralNorm;
import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;

/**
 * The discriminator's first block (spec 2, block1): x (n,in,h,w) -> (n,out,h/2,w/2) =
 * avgpool(c2(relu(c1(x)))) + c_sc(avgpool(x)); every conv spectral-normed.
 */
final class OptimizedDisBlock extends Layer {
    private final SpectralNorm c1;
    private final SpectralNorm c2;
    private final SpectralNorm cSc;
    private final ReLU relu;
    private final AvgPool2d pool;
    private final AvgPool2d poolSc;

    OptimizedDisBlock(Device device, int in, int out) {
        super(device);
        c1 = addChild("c1", new SpectralNorm(new Conv2d(device, in, out, 3, 1, true)));
        c2 = addChild("c2", new SpectralNorm(new Conv2d(device, out, out, 3, 1, true)));
        cSc = addChild("c_sc", new SpectralNorm(new Conv2d(device, in, out, 1, 0, true)));
        relu = addChild("relu", new ReLU(device));
        pool = addChild("pool", new AvgPool2d(device));
        poolSc = addChild("pool_sc", new AvgPool2d(device));
    }

    @Override
    public Tensor forward(Tensor x) {
        Tensor residual = pool.forward(c2.forward(relu.forward(c1.forward(x))));
        Tensor shortcut = cSc.forward(poolSc.forward(x));
        Tensor y = scratch("y", residual.shape().dims());
        backend.add(y, residual, shortcut);
        return y;
    }

    @Override
    public Tensor backward(Tensor dy) {
        Tensor dResidual = c1.backward(relu.backward(c2.backward(pool.backward(dy))));
        Tensor dShortcut = poolSc.backward(cSc.backward(dy));
        Tensor dx = scratch("dx", dResidual.shape().dims());
        backend.add(dx, dResidual, dShortcut);
        return dx;
    }
}
