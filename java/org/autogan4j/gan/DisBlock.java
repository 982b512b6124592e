package org.autogan4j.gan;

import org.autogan4j.nn.AvgPool2d;
import org.autogan4j.nn.Conv2d;
import org.autogan4j.nn.Layer;
import org.autogan4j.nn.ReLU;
import org.autogan4j.nn.SpectralNorm;
import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;

/**
 * A discriminator ResNet block (spec 2, blocks 2-4), channels ch -> ch: residual
 * c2(relu(c1(relu(x)))) [avgpool when downsampling]; shortcut [avgpool](c_sc(x)) when it is
 * learnable (downsampling), else x itself. Every conv spectral-normed.
 */
final class DisBlock extends Layer {
    private final boolean downsample;
    private final SpectralNorm c1;
    private final SpectralNorm c2;
    private final SpectralNorm cSc;
    private final ReLU relu1;
    private final ReLU relu2;
    private final AvgPool2d pool;
    private final AvgPool2d poolSc;

    DisBlock(Device device, int channels, boolean downsample) {
        super(device);
        this.downsample = downsample;
        c1 = addChild("c1", new SpectralNorm(new Conv2d(device, channels, channels, 3, 1, true)));
        c2 = addChild("c2", new SpectralNorm(new Conv2d(device, channels, channels, 3, 1, true)));
        cSc = downsample ? addChild("c_sc", new SpectralNorm(new Conv2d(device, channels, channels, 1, 0, true)))
                : null;
        relu1 = addChild("relu1", new ReLU(device));
        relu2 = addChild("relu2", new ReLU(device));
        pool = downsample ? addChild("pool", new AvgPool2d(device)) : null;
        poolSc = downsample ? addChild("pool_sc", new AvgPool2d(device)) : null;
    }

    @Override
    public Tensor forward(Tensor x) {
        Tensor residual = c2.forward(relu2.forward(c1.forward(relu1.forward(x))));
        Tensor shortcut = x;
        if (downsample) {
            residual = pool.forward(residual);
            shortcut = poolSc.forward(cSc.forward(x));
        }
        Tensor y = scratch("y", residual.shape().dims());
        backend.add(y, residual, shortcut);
        return y;
    }

    @Override
    public Tensor backward(Tensor dy) {
        Tensor d = downsample ? pool.backward(dy) : dy;
        Tensor dResidual = relu1.backward(c1.backward(relu2.backward(c2.backward(d))));
        Tensor dShortcut = downsample ? cSc.backward(poolSc.backward(dy)) : dy;
        Tensor dx = scratch("dx", dResidual.shape().dims());
        backend.add(dx, dResidual, dShortcut);
        return dx;
    }
}
