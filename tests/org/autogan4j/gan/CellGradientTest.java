// Whole-cell gradient checks through Cell's forward/backward: x, the skip inputs and every used
// parameter against central differences of sum(out * dOut) + sum(s * dS), for a pre-activation
// cell 3 (BN, bilinear, shortcut, both skips) and a post-activation cell 2 (no norm, deconv, shortcut,
// skip): the out-of-place skip add must give the post-activation backward and the s aliasing.
package org.autogan4j.gan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.autogan4j.nn.Init;
import org.autogan4j.nn.Parameter;
import org.autogan4j.nn.Rng;
import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;
import org.autogan4j.testing.GradientCheck;
import org.autogan4j.testing.Tensors;
import org.junit.jupiter.api.Test;

class CellGradientTest {
    private static final int C = 2;
    /** Small enough that a perturbation seldom crosses a hidden ReLU kink, large enough that float32
     *  rounding of the loss (~1e-6 of it) stays below the difference. */
    private static final double STEP = 2e-3;

    @Test
    void preActivationCellWithSkipsAndShortcut() {
        CellChoice choice = Architecture.parse("1,0,1,1,1,0,0,1,1,1,1,0,1,3").cell(3);
        check("pre cell 3", 3, choice, new int[][] {{2, C, 4, 4}, {2, C, 2, 2}, {2, C, 4, 4}}, 21);
    }

    @Test
    void postActivationCellWithSkipAndShortcut() {
        CellChoice choice = Architecture.parse("0,0,2,1,0,0,2,1,1,0,0,0,0,0").cell(2);
        check("post cell 2", 2, choice, new int[][] {{2, C, 2, 2}, {2, C, 2, 2}}, 22);
    }

    /** dims[0] is x, the rest the skip inputs. */
    private static void check(String what, int index, CellChoice choice, int[][] dims, long seed) {
        try (Cell cell = new Cell(Device.CPU, index, C, choice)) {
            Init.apply(cell, new Rng(seed));
            List<Parameter> params = new ArrayList<>(cell.namedParameters().values());
            GradientCheck gc = new GradientCheck(what + " " + choice).step(STEP);
            for (int i = 0; i < dims.length; i++) {
                gc.input(i == 0 ? "x" : "skip" + i, Tensors.randn(seed + i, Tensors.numel(dims[i])));
            }
            for (Map.Entry<String, Parameter> e : cell.namedParameters().entrySet()) {
                gc.input(e.getKey(), e.getValue().value().toArray());
            }
            gc.run(inputs -> run(cell, params, dims, inputs, null), (inputs, dy) -> {
                float[][] grads = new float[inputs.length][];
                run(cell, params, dims, inputs, new Object[] {dy, grads});
                return grads;
            });
        }
    }

    /** Forward (and, with backwardArgs = {dy, grads}, backward); returns out then s, flattened. */
    private static float[] run(Cell cell, List<Parameter> params, int[][] dims, float[][] inputs,
            Object[] backwardArgs) {
        for (int i = 0; i < params.size(); i++) {
            params.get(i).value().copyFrom(inputs[dims.length + i]);
        }
        cell.zeroGrad();
        try (Tensors t = new Tensors()) {
            Tensor x = t.of(inputs[0], dims[0]);
            List<Tensor> skips = new ArrayList<>();
            for (int i = 1; i < dims.length; i++) {
                skips.add(t.of(inputs[i], dims[i]));
            }
            Tensor out = cell.forward(x, skips);
            float[] outValues = out.toArray();
            float[] sValues = cell.skipOut().toArray();
            if (backwardArgs != null) {
                float[] dy = (float[]) backwardArgs[0];
                float[][] grads = (float[][]) backwardArgs[1];
                Tensor dOut = t.of(Arrays.copyOfRange(dy, 0, outValues.length), out.shape().dims());
                Tensor dS = t.of(Arrays.copyOfRange(dy, outValues.length, dy.length), out.shape().dims());
                grads[0] = cell.backward(dOut, dS).toArray();
                for (int i = 1; i < dims.length; i++) {
                    Tensor g = cell.skipGrad(i - 1);
                    grads[i] = g == null ? null : g.toArray();
                }
                for (int i = 0; i < params.size(); i++) {
                    grads[dims.length + i] = params.get(i).grad().toArray();
                }
            }
            float[] both = Arrays.copyOf(outValues, outValues.length + sValues.length);
            System.arraycopy(sValues, 0, both, outValues.length, sValues.length);
            return both;
        }
    }
}
