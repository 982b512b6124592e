package org.autogan4j.nn;

import org.autogan4j.tensor.Tensor;

/**
 * The original's initialisation (spec 3): weights_init sets every Conv2d weight, spectral-normed
 * ones included, to xavier_uniform (gain 1) and every BatchNorm2d to weight N(1, 0.02), bias 0;
 * everything else keeps PyTorch's defaults: kaiming_uniform(a = sqrt(5)), i.e.
 * U(-1/sqrt(fanIn), 1/sqrt(fanIn)), for Linear and ConvTranspose2d weights and every bias, and
 * spectral norm's u and v normal, then normalised. All draws come from one {@link Rng}.
 */
public final class Init {
    private Init() {
    }

    /** Initialises every module under root, in definition order. */
    public static void apply(Module root, Rng rng) {
        for (Module m : root.modules()) {
            if (m instanceof SpectralNorm sn) {
                initWeight(sn.weightOrig().value(), sn.inner(), sn.inner() instanceof Conv2d, rng);
                initBias(sn.inner(), rng);
                normalUnit(sn.u(), rng);
                normalUnit(sn.v(), rng);
            } else if (m instanceof Weighted w) {
                initWeight(w.weight().value(), w, w instanceof Conv2d, rng);
                initBias(w, rng);
            } else if (m instanceof BatchNorm2d bn) {
                rng.normal(bn.weight().value(), 1f, 0.02f);
                m.backend.fill(bn.bias().value(), 0f);
                m.backend.fill(bn.runningMean(), 0f);
                m.backend.fill(bn.runningVar(), 1f);
            }
        }
    }

    private static void initWeight(Tensor weight, Weighted layer, boolean xavier, Rng rng) {
        float bound = xavier ? (float) Math.sqrt(6.0 / (layer.fanIn() + layer.fanOut()))
                : (float) (1.0 / Math.sqrt(layer.fanIn()));
        rng.uniform(weight, -bound, bound);
    }

    private static void initBias(Weighted layer, Rng rng) {
        if (layer.bias() != null) {
            float bound = (float) (1.0 / Math.sqrt(layer.fanIn()));
            rng.uniform(layer.bias().value(), -bound, bound);
        }
    }

    /** t = normal(0, 1) / its L2 norm (computed in double on the host: done once, at init). */
    private static void normalUnit(Tensor t, Rng rng) {
        rng.normal(t, 0f, 1f);
        float[] values = t.toArray();
        double sum = 0;
        for (float value : values) {
            sum += (double) value * value;
        }
        double norm = Math.max(Math.sqrt(sum), SpectralNorm.EPS);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (values[i] / norm);
        }
        t.copyFrom(values);
    }
}
