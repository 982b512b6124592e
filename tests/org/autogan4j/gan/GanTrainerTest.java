// GanTrainer's schedule (spec 3): the G step follows D steps 0, 5, 10, ... (n_critic = 5 counted
// globally), batches come from any iterator (a smaller last batch included), and running out of
// data is a clear error; the EMA counts one update per G step and a checkpoint restores the count.
package org.autogan4j.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.autogan4j.nn.Rng;
import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;
import org.autogan4j.testing.Tensors;
import org.junit.jupiter.api.Test;

class GanTrainerTest {
    private static final GanConfig TINY = new GanConfig(1, 4, 4, 4, 2, 3, 5, 5, 2e-4f, 0f, 0.9f, 0.999f, false);

    @Test
    void generatorStepsFollowDStepsZeroFiveTen() {
        try (SharedGenerator g = new SharedGenerator(TINY, Device.CPU, new Rng(1));
                Discriminator d = new Discriminator(TINY, Device.CPU, new Rng(2)); Tensors t = new Tensors()) {
            g.setArch(Architecture.parse("0,1,2,0,0,2,2,1,1,0,1,0,1,2"), 1);
            d.setStage(1);
            Tensor real = t.of(Tensors.uniform(4, 3 * 8 * 8, -1, 1), 3, 1, 8, 8);
            try (GanTrainer trainer = new GanTrainer(TINY, g, d, new Rng(3))) {
                for (int i = 0; i < 11; i++) {
                    GanTrainer.StepResult r = trainer.step(real);
                    assertTrue(Float.isFinite(r.dLoss()), "dLoss at step " + i);
                    assertEquals(i % 5 == 0, Float.isFinite(r.gLoss()), "G step after D step " + i);
                }
                assertEquals(11, trainer.dSteps());
                assertEquals(3, trainer.adamG().stepCount(g.namedParameters().get("l1.weight")));
                assertEquals(11, trainer.adamD().stepCount(d.namedParameters().get("l5.weight_orig")));
                assertEquals(3, trainer.counters().emaUpdates(), "one EMA update per G step, in the checkpoint");
                trainer.restore(new GanTrainer.Counters(7, Map.of(), Map.of(), 40));
                assertEquals(40, trainer.ema().updates(), "restored for the warm-up");
            }
        }
    }

    @Test
    void runTakesBatchesFromAnIteratorAndSaysWhenTheyRunOut() {
        try (SharedGenerator g = new SharedGenerator(TINY, Device.CPU, new Rng(1));
                Discriminator d = new Discriminator(TINY, Device.CPU, new Rng(2)); Tensors t = new Tensors()) {
            g.setArch(Architecture.TOP1, 0);
            d.setStage(0);
            Tensor full = t.of(Tensors.uniform(5, 3 * 4 * 4, -1, 1), 3, 1, 4, 4);
            Tensor last = t.of(Tensors.uniform(6, 2 * 4 * 4, -1, 1), 2, 1, 4, 4);
            try (GanTrainer trainer = new GanTrainer(TINY, g, d, new Rng(3))) {
                assertTrue(Float.isFinite(trainer.run(List.of(full, last).iterator(), 2).dLoss()));
                IllegalStateException e = assertThrows(IllegalStateException.class,
                        () -> trainer.run(List.of(full).iterator(), 2));
                assertTrue(e.getMessage().contains("ran out after 1 of 2"), e.getMessage());
            }
        }
    }
}
