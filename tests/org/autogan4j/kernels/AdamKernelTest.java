// Tests of the Adam CPU twin (PyTorch's Adam, no weight decay): three steps against the PyTorch
// fixtures (beta1 = 0 as AutoGAN uses it, and beta1 = 0.5), and ten steps on a large vector against
// a double-precision Java reference of the formula in kernels.h.
package org.autogan4j.kernels;

import static org.autogan4j.testing.Tensors.assertClose;

import org.autogan4j.tensor.Backend;
import org.autogan4j.tensor.Device;

import org.autogan4j.tensor.Tensor;
import org.autogan4j.testing.Fixture;
import org.autogan4j.testing.Tensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AdamKernelTest {
    /** One fp32 Adam update differs from PyTorch's only in the rounding of a few operations. */
    private static final double FIXTURE_REL = 1e-5;
    /** Floor for m near 0, where beta1 * m and (1 - beta1) * g cancel (terms up to ~5). */
    private static final double FIXTURE_ABS = 1e-6;
    private static final Backend CPU = Device.CPU.backend();

    @ParameterizedTest
    @ValueSource(strings = {"adam", "adam_beta05"})
    void threeStepsMatchPyTorch(String name) {
        Fixture f = Fixture.load(name);
        int n = f.values("param0").length;
        try (Tensors t = new Tensors()) {
            Tensor param = t.of(f.values("param0"), n);
            Tensor m = t.zeros(n);
            Tensor v = t.zeros(n);
            for (int step = 1; step <= 3; step++) {
                CPU.adamStep(param, t.of(f.values("grad" + step), n), m, v, f.scalar("lr"), f.scalar("beta1"),
                        f.scalar("beta2"), f.scalar("eps"), step);
                assertClose(f.values("param" + step), param.toArray(), FIXTURE_REL, FIXTURE_ABS,
                        name + " param after step " + step);
            }
            assertClose(f.values("m3"), m.toArray(), FIXTURE_REL, FIXTURE_ABS, name + " m after 3 steps");
            assertClose(f.values("v3"), v.toArray(), FIXTURE_REL, FIXTURE_ABS, name + " v after 3 steps");
        }
    }

    @Test
    void tenStepsOnALargeVectorMatchTheFormula() {
        int n = 100_003;
        float lr = 2e-4f;
        float beta1 = 0.5f;
        float beta2 = 0.999f;
        float eps = 1e-8f;
        float[] param = Tensors.randn(231, n);
        float[] m = new float[n];
        float[] v = new float[n];
        try (Tensors t = new Tensors()) {
            Tensor paramT = t.of(param, n);
            Tensor mT = t.zeros(n);
            Tensor vT = t.zeros(n);
            for (int step = 1; step <= 10; step++) {
                float[] grad = Tensors.randn(231 + step, n);
                CPU.adamStep(paramT, t.of(grad, n), mT, vT, lr, beta1, beta2, eps, step);
                double correction1 = 1 - Math.pow(beta1, step);
                double correction2 = Math.sqrt(1 - Math.pow(beta2, step));
                for (int i = 0; i < n; i++) {
                    m[i] = (float) (beta1 * (double) m[i] + (1 - (double) beta1) * grad[i]);
                    v[i] = (float) (beta2 * (double) v[i] + (1 - (double) beta2) * grad[i] * (double) grad[i]);
                    param[i] = (float) (param[i] - lr / correction1 * m[i] / (Math.sqrt(v[i]) / correction2 + eps));
                }
            }
            assertClose(param, paramT.toArray(), FIXTURE_REL, FIXTURE_ABS, "param after 10 steps");
            assertClose(m, mT.toArray(), FIXTURE_REL, FIXTURE_ABS, "m after 10 steps");
            assertClose(v, vT.toArray(), FIXTURE_REL, FIXTURE_ABS, "v after 10 steps");
        }
    }
}
