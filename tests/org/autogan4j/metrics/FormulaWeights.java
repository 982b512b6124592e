// The deterministic stand-in weights of tools/make_inception_fixture.py, built in Java so the FID
// Inception network can be tested without the 95 MB real file: tensor N with m elements gets
// t_i = ((fmix32(i + crc32(N)) >>> 8) + 0.5) / 2^23 - 1, then the per-kind scaling of the script.
// It records every name the network asks for, to compare with the state_dict keys PyTorch lists.
package org.autogan4j.metrics;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

final class FormulaWeights implements InceptionWeights {
    /** CONV_GAIN of the script. */
    private static final double CONV_GAIN = Math.sqrt(6);

    private final List<String> requested = new ArrayList<>();

    /** The names asked for so far, in order. */
    List<String> requested() {
        return requested;
    }

    @Override
    public float[] get(String name, int[] shape) {
        requested.add(name);
        return values(name, shape);
    }

    /** MurmurHash3's 32-bit finalizer. */
    private static int fmix32(int h) {
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        return h ^ (h >>> 16);
    }

    /** The script's formula for the tensor name of the given shape, row-major. */
    static float[] values(String name, int[] shape) {
        CRC32 crc = new CRC32();
        crc.update(name.getBytes(StandardCharsets.UTF_8));
        int seed = (int) crc.getValue();
        int m = 1;
        for (int d : shape) {
            m *= d;
        }
        int fanIn = shape.length > 1 ? m / shape[0] : 1;
        float[] out = new float[m];
        for (int i = 0; i < m; i++) {
            double t = ((fmix32(i + seed) >>> 8) + 0.5) / (1 << 23) - 1;
            double v;
            if (name.equals("fc.weight")) {
                v = t / Math.sqrt(fanIn);
            } else if (name.endsWith("conv.weight")) {
                v = t * CONV_GAIN / Math.sqrt(fanIn);
            } else if (name.endsWith("bn.weight")) {
                v = 1 + 0.1 * t;
            } else if (name.endsWith("running_mean")) {
                v = 0.05 * t;
            } else if (name.endsWith("running_var")) {
                v = 1 + 0.2 * Math.abs(t);
            } else {
                v = 0.1 * t;
            }
            out[i] = (float) v;
        }
        return out;
    }
}
