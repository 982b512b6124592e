// The deterministic initial values of the GAN fidelity contract (shared with
// tools/make_gan_fixtures.py): for a tensor named N with m elements, h = CRC32(N) % 1000 and
// t_i = sin(0.37 i + 0.11 h) (all in double, then float32); running stats get PyTorch's defaults, BN weight 1 + 0.1 t, biases
// 0.1 t, spectral norm's u and v t / |t|, every other weight t / sqrt(m / dim0).
package org.autogan4j.gan;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.CRC32;

import org.autogan4j.nn.Module;
import org.autogan4j.nn.Parameter;
import org.autogan4j.tensor.Tensor;

final class ContractInit {
    private ContractInit() {
    }

    /** Sets every parameter and buffer of module to its contract value. */
    static void apply(Module module) {
        for (Map.Entry<String, Parameter> e : module.namedParameters().entrySet()) {
            e.getValue().value().copyFrom(values(e.getKey(), e.getValue().value()));
        }
        for (Map.Entry<String, Tensor> e : module.namedBuffers().entrySet()) {
            e.getValue().copyFrom(values(e.getKey(), e.getValue()));
        }
    }

    static float[] values(String name, Tensor tensor) {
        int m = Math.toIntExact(tensor.numel());
        float[] out = new float[m];
        if (name.endsWith(".running_mean") || name.endsWith(".running_var")) {
            Arrays.fill(out, name.endsWith(".running_var") ? 1f : 0f);
            return out;
        }
        CRC32 crc = new CRC32();
        crc.update(name.getBytes(StandardCharsets.UTF_8));
        long h = crc.getValue() % 1000;
        double[] t = new double[m];
        double sumSq = 0;
        for (int i = 0; i < m; i++) {
            t[i] = Math.sin(0.37 * i + 0.11 * h);
            sumSq += t[i] * t[i];
        }
        boolean bn = name.endsWith(".bn.weight") || name.endsWith(".bn.bias") || name.startsWith("to_rgb.0.");
        double norm = Math.sqrt(sumSq);
        double fan = Math.sqrt((double) m / tensor.dim(0));
        for (int i = 0; i < m; i++) {
            double value;
            if (bn && name.endsWith(".weight")) {
                value = 1 + 0.1 * t[i];
            } else if (name.endsWith(".weight_u") || name.endsWith(".weight_v")) {
                value = t[i] / norm;
            } else if (name.endsWith(".bias")) {
                value = 0.1 * t[i];
            } else {
                value = t[i] / fan;
            }
            out[i] = (float) value;
        }
        return out;
    }
}
