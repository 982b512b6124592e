// Adam and Ema over Parameters: Adam's first step from the kernel's formula (beta1 = 0: a step of
// lr * g / (|g| + eps)), parameters that never had a gradient are left alone and start their own
// step count later (PyTorch's per-parameter state); Ema averages and swaps back and forth.
package org.autogan4j.optim;

import static org.autogan4j.testing.Tensors.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.autogan4j.nn.Parameter;
import org.autogan4j.tensor.Device;
import org.junit.jupiter.api.Test;

class OptimTest {
    /** One float32 Adam step of lr-sized moves: rounding of p - lr * g / (|g| + eps). */
    private static final double REL = 1e-6;

    @Test
    void adamStepsOnlyParametersThatHaveGradients() {
        try (Parameter used = new Parameter("used", Device.CPU, 3); Parameter unused = new Parameter("unused", Device.CPU, 2);
                Adam adam = new Adam(List.of(used, unused))) {
            used.value().copyFrom(new float[] {1f, -2f, 0.5f});
            unused.value().copyFrom(new float[] {3f, 4f});
            used.gradToAdd().copyFrom(new float[] {0.5f, -0.25f, 2f});
            adam.step();
            float lr = Adam.DEFAULT_LR;
            assertClose(new float[] {1f - lr, -2f + lr, 0.5f - lr}, used.value().toArray(), REL, 1e-7, "used");
            assertArrayEquals(new float[] {3f, 4f}, unused.value().toArray(), "never had a gradient");
            assertEquals(1, adam.stepCount(used));
            assertEquals(0, adam.stepCount(unused));
            adam.zeroGrad();
            assertArrayEquals(new float[3], used.grad().toArray());
        }
    }

    @Test
    void emaAveragesAndSwaps() {
        try (Parameter p = new Parameter("p", Device.CPU, 2)) {
            p.value().copyFrom(new float[] {1f, 2f});
            Map<String, Parameter> params = new LinkedHashMap<>();
            params.put("p", p);
            try (Ema ema = new Ema(params, 0.5f, false)) {
                p.value().copyFrom(new float[] {3f, 6f});
                ema.update();
                assertArrayEquals(new float[] {2f, 4f}, ema.averages().get("p").toArray());
                ema.swap();
                assertArrayEquals(new float[] {2f, 4f}, p.value().toArray());
                ema.swap();
                assertArrayEquals(new float[] {3f, 6f}, p.value().toArray());
            }
        }
    }
}
