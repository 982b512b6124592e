// Gradient checks of every nn layer through its Module API (forward, backward, parameter
// gradients) at tiny sizes, weights from Init so they have realistic scales.
package org.autogan4j.nn;

import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.UpsampleMode;
import org.junit.jupiter.api.Test;

class LayerGradientTest {
    private static final Device CPU = Device.CPU;
    /** Inputs within this of 0 sit on ReLU's kink for a central difference of GradientCheck.STEP. */
    private static final float KINK = 0.02f;

    private static <L extends Layer> L init(L layer) {
        Init.apply(layer, new Rng(7));
        return layer;
    }

    @Test
    void conv2d() {
        try (Conv2d conv = init(new Conv2d(CPU, 2, 3, 3, 1, true))) {
            LayerGradients.check("Conv2d 3x3", conv, new int[] {2, 2, 4, 4}, 1, null);
        }
        try (Conv2d conv = init(new Conv2d(CPU, 3, 2, 1, 0, false))) {
            LayerGradients.check("Conv2d 1x1 no bias", conv, new int[] {2, 3, 3, 3}, 2, null);
        }
    }

    @Test
    void convTranspose2d() {
        try (ConvTranspose2d deconv = init(new ConvTranspose2d(CPU, 2, 3))) {
            LayerGradients.check("ConvTranspose2d", deconv, new int[] {2, 2, 3, 3}, 3, null);
        }
    }

    @Test
    void linear() {
        try (Linear linear = init(new Linear(CPU, 5, 4, true))) {
            LayerGradients.check("Linear", linear, new int[] {3, 5}, 4, null);
        }
    }

    @Test
    void upsample() {
        for (UpsampleMode mode : UpsampleMode.values()) {
            try (Upsample up = new Upsample(CPU, mode, 4)) {
                LayerGradients.check("Upsample x4 " + mode, up, new int[] {2, 2, 2, 3}, 5, null);
            }
        }
    }

    @Test
    void batchNorm2dInTraining() {
        try (BatchNorm2d bn = init(new BatchNorm2d(CPU, 3))) {
            LayerGradients.check("BatchNorm2d", bn, new int[] {3, 3, 2, 2}, 6, null);
        }
    }

    @Test
    void instanceNorm2d() {
        try (InstanceNorm2d in = new InstanceNorm2d(CPU)) {
            LayerGradients.check("InstanceNorm2d", in, new int[] {2, 2, 3, 3}, 7, null);
        }
    }

    @Test
    void activationsAndPooling() {
        try (ReLU relu = new ReLU(CPU); Tanh tanh = new Tanh(CPU); AvgPool2d pool = new AvgPool2d(CPU);
                SumHw sum = new SumHw(CPU)) {
            LayerGradients.check("ReLU", relu, new int[] {2, 3, 4}, 8,
                    (input, index, values) -> Math.abs(values[input][index]) < KINK);
            LayerGradients.check("Tanh", tanh, new int[] {2, 3, 4}, 9, null);
            LayerGradients.check("AvgPool2d", pool, new int[] {2, 2, 4, 6}, 10, null);
            LayerGradients.check("SumHw", sum, new int[] {2, 3, 3, 2}, 11, null);
        }
    }

    /** In eval mode u and v stay fixed, so forward is a function and backward its exact gradient. */
    @Test
    void spectralNormOfConvAndLinear() {
        try (SpectralNorm conv = init(new SpectralNorm(new Conv2d(CPU, 2, 3, 3, 1, true)));
                SpectralNorm linear = init(new SpectralNorm(new Linear(CPU, 8, 3, false)))) {
            conv.train(false);
            linear.train(false);
            LayerGradients.check("SpectralNorm(Conv2d)", conv, new int[] {2, 2, 3, 3}, 12, null);
            LayerGradients.check("SpectralNorm(Linear)", linear, new int[] {3, 8}, 13, null);
        }
    }

    @Test
    void sequential() {
        try (Sequential seq = init(new Sequential(CPU, new Conv2d(CPU, 2, 2, 3, 1, true), new Tanh(CPU),
                new ConvTranspose2d(CPU, 2, 1)))) {
            LayerGradients.check("Sequential", seq, new int[] {1, 2, 3, 3}, 14, null);
        }
    }
}
