// Tests of the EMA CPU twin (avg = decay * avg + (1 - decay) * x, the generator's weight average):
// the PyTorch fixture and a large vector against the formula in double.
package org.autogan4j.kernels;

import static org.autogan4j.testing.Tensors.assertClose;

import org.autogan4j.tensor.Backend;
import org.autogan4j.tensor.Device;

import org.autogan4j.tensor.Tensor;
import org.autogan4j.testing.Fixture;
import org.autogan4j.testing.Tensors;
import org.junit.jupiter.api.Test;

class EmaKernelTest {
    /** Two fp32 products and a sum: PyTorch's mul_/add_ round at other points, ~1e-7 apart. */
    private static final double FIXTURE_REL = 1e-6;
    /** Floor for averages that cancel to near 0: a few roundings of terms of size up to ~5. */
    private static final double FIXTURE_ABS = 1e-6;
    private static final Backend CPU = Device.CPU.backend();

    @Test
    void matchesPyTorch() {
        Fixture f = Fixture.load("ema");
        int n = f.values("avg0").length;
        try (Tensors t = new Tensors()) {
            Tensor avg = t.of(f.values("avg0"), n);
            CPU.emaUpdate(avg, t.of(f.values("x"), n), f.scalar("decay"));
            assertClose(f.values("avg1"), avg.toArray(), FIXTURE_REL, FIXTURE_ABS, "ema avg1");
        }
    }

    @Test
    void largeVectorMatchesTheFormula() {
        int n = 1_000_003;
        float decay = 0.9f;
        float[] avg0 = Tensors.randn(241, n);
        float[] x = Tensors.randn(242, n);
        float[] expected = new float[n];
        for (int i = 0; i < n; i++) {
            expected[i] = (float) (decay * (double) avg0[i] + (1 - (double) decay) * x[i]);
        }
        try (Tensors t = new Tensors()) {
            Tensor avg = t.of(avg0, n);
            CPU.emaUpdate(avg, t.of(x, n), decay);
            assertClose(expected, avg.toArray(), FIXTURE_REL, FIXTURE_ABS, "ema decay 0.9, n = " + n);
        }
    }
}
