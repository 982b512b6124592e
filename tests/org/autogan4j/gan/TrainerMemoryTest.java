// Native memory stays flat over 1,000 tiny training iterations: modules reuse their activation and
// gradient buffers, so after the first iterations (which allocate them, including Adam's state)
// Backend.liveBytes() repeats with the n_critic period (G's buffers follow the batch it last saw:
// dis_bs in a D step, gen_bs in a G step) and never grows; closing everything returns it to where
// it started.
package org.autogan4j.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.autogan4j.nn.Rng;
import org.autogan4j.tensor.Backend;
import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;
import org.autogan4j.testing.Tensors;
import org.junit.jupiter.api.Test;

class TrainerMemoryTest {
    private static final GanConfig TINY = new GanConfig(1, 4, 4, 4, 2, 3, 5, 5, 2e-4f, 0f, 0.9f, 0.999f, false);
    private static final int ITERATIONS = 1000;
    /** By then every buffer exists: the first G step runs at step 0, and every shape has been seen. */
    private static final int WARM_UP = 10;

    @Test
    void nativeMemoryIsFlatOver1000Iterations() {
        Backend cpu = Device.CPU.backend();
        long before = cpu.liveBytes();
        try (SharedGenerator g = new SharedGenerator(TINY, Device.CPU, new Rng(1));
                Discriminator d = new Discriminator(TINY, Device.CPU, new Rng(2));
                Tensor real = Tensor.of(Device.CPU, Tensors.uniform(3, 3 * 16 * 16, -1, 1), 3, 1, 16, 16)) {
            g.setArch(Architecture.TOP1, 2);
            d.setStage(2);
            try (GanTrainer trainer = new GanTrainer(TINY, g, d, new Rng(3))) {
                long[] live = new long[ITERATIONS];
                for (int i = 0; i < ITERATIONS; i++) {
                    GanTrainer.StepResult r = trainer.step(real);
                    assertTrue(Float.isFinite(r.dLoss()), "dLoss at step " + i);
                    live[i] = cpu.liveBytes();
                }
                for (int i = WARM_UP + TINY.nCritic(); i < ITERATIONS; i++) {
                    int j = WARM_UP + (i - WARM_UP) % TINY.nCritic();
                    assertEquals(live[j], live[i], "live native bytes after iteration " + i + " and " + j);
                }
            }
        }
        assertEquals(before, cpu.liveBytes(), "live native bytes once everything is closed");
    }
}
