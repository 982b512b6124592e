package org.autogan4j.gan;

// Saving a trained shared generator and discriminator through io.Checkpoint (safetensors under the
// original's state_dict names, spectral-norm u/v and BN running statistics included) and loading
// them into freshly built models of another seed gives bit-identical outputs.

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.autogan4j.io.Checkpoint;
import org.autogan4j.nn.Rng;
import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;
import org.autogan4j.testing.Tensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCheckpointTest {
    private static final GanConfig CONFIG = TrainStepFidelityTest.CONFIG;

    @Test
    void aSavedModelReloadsIntoAFreshOneAndComputesTheSame(@TempDir Path dir) throws Exception {
        Path gFile = dir.resolve("gen.safetensors");
        Path dFile = dir.resolve("dis.safetensors");
        int latent = CONFIG.latentDim();
        float[] z = Tensors.randn(5, 3 * latent);
        float[] zD = Tensors.randn(7, CONFIG.disBatchSize() * latent);
        float[] zG = Tensors.randn(8, CONFIG.genBatchSize() * latent);
        float[] real = Tensors.uniform(6, CONFIG.disBatchSize() * 32 * 32, -1f, 1f);
        float[] savedImage;
        float[] savedScore;
        try (SharedGenerator g = new SharedGenerator(CONFIG, Device.CPU, new Rng(1));
                Discriminator d = new Discriminator(CONFIG, Device.CPU, new Rng(2));
                Tensors t = new Tensors()) {
            g.setArch(Architecture.TOP1, 2);
            d.setStage(2);
            try (GanTrainer trainer = new GanTrainer(CONFIG, g, d, new Rng(3))) {
                trainer.dStep(t.of(real, CONFIG.disBatchSize(), 1, 32, 32), t.of(zD, CONFIG.disBatchSize(), latent));
                trainer.gStep(t.of(zG, CONFIG.genBatchSize(), latent));
            }
            Map<String, Tensor> gState = g.stateDict();
            assertTrue(gState.containsKey("cell1.pre_conv1.bn.running_mean"), gState.keySet().toString());
            assertTrue(d.stateDict().containsKey("block1.c1.weight_u"), d.stateDict().keySet().toString());
            Checkpoint.save(gFile, gState, Map.of("arch", Architecture.TOP1.toString()));
            Checkpoint.save(dFile, d.stateDict(), Map.of("stage", 2));
            g.train(false);
            d.train(false);
            savedImage = g.forward(t.of(z, 3, latent)).toArray();
            savedScore = d.forward(t.of(real, CONFIG.disBatchSize(), 1, 32, 32)).toArray();
        }
        try (SharedGenerator g = new SharedGenerator(CONFIG, Device.CPU, new Rng(77));
                Discriminator d = new Discriminator(CONFIG, Device.CPU, new Rng(78));
                Tensors t = new Tensors()) {
            g.setArch(Architecture.TOP1, 2);
            d.setStage(2);
            Checkpoint.readInto(gFile, g.stateDict());
            Checkpoint.readInto(dFile, d.stateDict());
            g.train(false);
            d.train(false);
            assertArrayEquals(savedImage, g.forward(t.of(z, 3, latent)).toArray());
            assertArrayEquals(savedScore, d.forward(t.of(real, CONFIG.disBatchSize(), 1, 32, 32)).toArray());
        }
    }
}
