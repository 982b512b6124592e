// Gradient checks through the module API: a Layer's forward and backward (dx and every parameter
// gradient) against central differences, with the input and the parameter values as the checked
// inputs of GradientCheck. Parameters are loaded into the layer before every evaluation.
package org.autogan4j.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;
import org.autogan4j.testing.GradientCheck;
import org.autogan4j.testing.Tensors;

public final class LayerGradients {
    private LayerGradients() {
    }

    /** Checks layer on a random x of xDims (seeded) with its current parameter values. */
    public static void check(String what, Layer layer, int[] xDims, long seed, GradientCheck.Kink kink) {
        List<Parameter> params = new ArrayList<>(layer.namedParameters().values());
        GradientCheck gc = new GradientCheck(what).input("x", Tensors.randn(seed, Tensors.numel(xDims)));
        for (Map.Entry<String, Parameter> e : layer.namedParameters().entrySet()) {
            gc.input(e.getKey(), e.getValue().value().toArray());
        }
        if (kink != null) {
            gc.skipKinks(kink);
        }
        gc.run(inputs -> {
            load(params, inputs);
            try (Tensor x = Tensor.of(Device.CPU, inputs[0], xDims)) {
                return layer.forward(x).toArray();
            }
        }, (inputs, dy) -> {
            load(params, inputs);
            layer.zeroGrad();
            float[][] grads = new float[inputs.length][];
            try (Tensor x = Tensor.of(Device.CPU, inputs[0], xDims)) {
                Tensor y = layer.forward(x);
                try (Tensor dyTensor = Tensor.of(Device.CPU, dy, y.shape().dims())) {
                    grads[0] = layer.backward(dyTensor).toArray();
                }
            }
            for (int i = 0; i < params.size(); i++) {
                grads[i + 1] = params.get(i).grad().toArray();
            }
            return grads;
        });
    }

    private static void load(List<Parameter> params, float[][] inputs) {
        for (int i = 0; i < params.size(); i++) {
            params.get(i).value().copyFrom(inputs[i + 1]);
        }
    }
}
