// The train presets' GAN numbers: fmnist trains with n_critic 1, lr 8e-4 and EMA 0.99 (the measured
// defaults of docs/training.md), paper-cifar10 keeps the paper's 5, 2e-4 and 0.999; both warm the EMA
// up, and ema_warmup can be turned off by its key.
package org.autogan4j.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.autogan4j.gan.GanConfig;
import org.junit.jupiter.api.Test;

class TrainPresetTest {
    @Test
    void fmnistUsesTheMeasuredNumbersAndThePaperPresetThePapers() {
        GanConfig fmnist = TrainSettings.preset("fmnist", null).gan();
        assertEquals(1, fmnist.nCritic());
        assertEquals(8e-4f, fmnist.lr());
        assertEquals(0.99f, fmnist.emaDecay());
        assertTrue(fmnist.emaWarmup());
        assertEquals(32, fmnist.gfDim());
        GanConfig paper = TrainSettings.preset("paper-cifar10", null).gan();
        assertEquals(5, paper.nCritic());
        assertEquals(2e-4f, paper.lr());
        assertEquals(0.999f, paper.emaDecay());
        assertTrue(paper.emaWarmup());
        assertFalse(TrainSettings.preset("fmnist", null).with("config.ema_warmup", "false").gan().emaWarmup());
        assertEquals(5, SearchSettings.preset("fmnist").nCritic(), "the search keeps its own schedule");
    }
}
