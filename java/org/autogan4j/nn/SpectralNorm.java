package org.autogan4j.nn;

import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;

/**
 * torch.nn.utils.spectral_norm around a Conv2d or Linear: the trained tensor is weight_orig; every
 * forward computes weight = weight_orig / sigma into the wrapped layer, after one power iteration
 * on the persistent buffers weight_u (rows = out) and weight_v (cols = in*kh*kw) in training mode
 * (none in eval). Backward treats u, v and sigma as constants, as PyTorch does. Names as the
 * original's state_dict: X.weight_orig, X.bias, X.weight_u, X.weight_v.
 */
public final class SpectralNorm extends Layer {
    public static final float EPS = 1e-12f;

    private final Layer inner;
    private final Weighted weighted;
    private final Parameter weightOrig;
    private final Tensor u;
    private final Tensor v;

    /** Wraps layer (a Conv2d or Linear); this module owns and closes it. */
    public <L extends Layer & Weighted> SpectralNorm(L layer) {
        super(layer.device());
        this.inner = layer;
        this.weighted = layer;
        own(layer);
        int[] dims = layer.weight().shape().dims();
        this.weightOrig = addParameter("weight_orig", dims);
        if (layer.bias() != null) {
            listParameter("bias", layer.bias());
        }
        int rows = dims[0];
        this.u = addBuffer("weight_u", rows);
        this.v = addBuffer("weight_v", (int) (layer.weight().shape().numel() / rows));
    }

    @Override
    public Tensor forward(Tensor x) {
        backend.spectralNormForward(weightOrig.value(), u, v, weighted.weight().value(), scratch("sigma", 1),
                isTraining(), EPS);
        return inner.forward(x);
    }

    @Override
    public Tensor backward(Tensor dy) {
        Parameter weightSn = weighted.weight();
        boolean wanted = weightOrig.requiresGrad();
        weightSn.setRequiresGrad(wanted);
        if (weighted.bias() != null) {
            weighted.bias().setRequiresGrad(wanted);
        }
        if (wanted) {
            weightSn.zeroGrad();
        }
        Tensor dx = inner.backward(dy);
        if (wanted) {
            backend.spectralNormBackward(weightOrig.value(), u, v, scratch("sigma", 1), weightSn.grad(),
                    weightOrig.gradToAdd());
        }
        return dx;
    }

    /** The wrapped layer (its weight holds weight_orig / sigma after each forward). */
    public Weighted inner() {
        return weighted;
    }

    public Parameter weightOrig() {
        return weightOrig;
    }

    public Tensor u() {
        return u;
    }

    public Tensor v() {
        return v;
    }

    /** sigma of the last forward (1). */
    public Tensor sigma() {
        return scratch("sigma", 1);
    }
}
