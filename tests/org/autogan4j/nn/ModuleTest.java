// Module mechanics: state_dict-style names (spectral norm's weight_orig / bias / weight_u /
// weight_v), scratch reuse while shapes stay and reallocation when they change (live bytes),
// everything freed on close, train/eval propagation, Init's distributions and Rng reproducibility.
package org.autogan4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.autogan4j.tensor.Backend;
import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class ModuleTest {
    private static final Device CPU = Device.CPU;

    @Test
    void namesFollowTheOriginalStateDict() {
        try (Sequential seq = new Sequential(CPU, new SpectralNorm(new Conv2d(CPU, 1, 2, 3, 1, true)),
                new BatchNorm2d(CPU, 2))) {
            assertEquals(List.of("0.weight_orig", "0.bias", "1.weight", "1.bias"),
                    List.copyOf(seq.namedParameters().keySet()));
            assertEquals(List.of("0.weight_u", "0.weight_v", "1.running_mean", "1.running_var"),
                    List.copyOf(seq.namedBuffers().keySet()));
            assertEquals(9, seq.namedBuffers().get("0.weight_v").numel());
        }
    }

    @Test
    void scratchIsReusedUntilTheShapeChangesAndFreedOnClose() {
        Backend cpu = CPU.backend();
        long before = cpu.liveBytes();
        try (ReLU relu = new ReLU(CPU); Tensor a = Tensor.zeros(CPU, 2, 3); Tensor b = Tensor.zeros(CPU, 4, 3)) {
            Tensor y1 = relu.forward(a);
            long afterFirst = cpu.liveBytes();
            assertSame(y1, relu.forward(a));
            assertEquals(afterFirst, cpu.liveBytes());
            Tensor y2 = relu.forward(b);
            assertTrue(y1.isClosed(), "the old buffer is freed when the shape changes");
            assertEquals(afterFirst + 6 * Float.BYTES, cpu.liveBytes());
            assertFalse(y2.isClosed());
        }
        assertEquals(before, cpu.liveBytes());
    }

    @Test
    void backwardBeforeForwardIsAClearError() {
        try (Conv2d conv = new Conv2d(CPU, 1, 1, 3, 1, true); Tensor dy = Tensor.zeros(CPU, 1, 1, 3, 3)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> conv.backward(dy));
            assertTrue(e.getMessage().contains("before forward"), e.getMessage());
        }
    }

    @Test
    void trainAndEvalReachEveryChild() {
        try (Sequential seq = new Sequential(CPU, new BatchNorm2d(CPU, 2), new ReLU(CPU))) {
            seq.train(false);
            assertFalse(seq.get(0).isTraining());
            seq.train(true);
            assertTrue(seq.get(0).isTraining());
        }
    }

    @Test
    void initDrawsTheOriginalDistributions() {
        try (Conv2d conv = new Conv2d(CPU, 64, 64, 3, 1, true); BatchNorm2d bn = new BatchNorm2d(CPU, 4096);
                Linear linear = new Linear(CPU, 100, 50, true)) {
            Init.apply(conv, new Rng(1));
            Init.apply(bn, new Rng(2));
            Init.apply(linear, new Rng(3));
            double xavier = Math.sqrt(6.0 / (64 * 9 + 64 * 9));
            assertBounded(conv.weight().value().toArray(), xavier);
            assertBounded(conv.bias().value().toArray(), 1 / Math.sqrt(64 * 9));
            assertBounded(linear.weight().value().toArray(), 0.1);
            float[] gamma = bn.weight().value().toArray();
            double mean = 0;
            for (float g : gamma) {
                mean += g / gamma.length;
            }
            assertEquals(1.0, mean, 0.002, "BN weight ~ N(1, 0.02): mean of 4096 within 3 standard errors");
            assertArrayEquals(new float[4096], bn.bias().value().toArray());
        }
    }

    @Test
    void rngIsReproducibleAndAdvances() {
        try (Tensor a = Tensor.zeros(CPU, 5); Tensor b = Tensor.zeros(CPU, 5); Tensor c = Tensor.zeros(CPU, 5)) {
            Rng first = new Rng(42);
            first.normal(a, 0, 1);
            first.normal(c, 0, 1);
            new Rng(42).normal(b, 0, 1);
            assertArrayEquals(a.toArray(), b.toArray());
            assertNotEquals(a.toArray()[0], c.toArray()[0]);
            assertEquals(2, first.offset());
        }
    }

    private static void assertBounded(float[] values, double bound) {
        double max = 0;
        for (float v : values) {
            max = Math.max(max, Math.abs(v));
        }
        assertTrue(max <= bound && max > 0.9 * bound, "max |value| " + max + " for bound " + bound);
    }
}
