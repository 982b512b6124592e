// Search settings: the presets carry spec 5's numbers (paper-cifar10) and the small CPU search
// (fmnist); --set style overrides keep each key's type and refuse unknown keys and bad values with
// messages naming them; a JSON config file applies like flags; config.json round-trips; validate()
// refuses inconsistent stage schedules and sizes that do not match the dataset.
package org.autogan4j.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.autogan4j.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchSettingsTest {
    @Test
    void paperPresetHasTheOriginalsNumbers() {
        SearchSettings c = SearchSettings.preset("paper-cifar10").validate();
        assertEquals("cifar10", c.dataset());
        assertEquals(65, c.maxSearchIter());
        assertEquals(15, c.growStep1());
        assertEquals(35, c.growStep2());
        assertEquals(11730, c.sharedSteps(), "15 epochs of 782 batches");
        assertEquals(30, c.ctrlStep());
        assertEquals(10, c.numCandidate());
        assertEquals(5, c.topk());
        assertEquals(5000, c.rlNumEvalImg());
        assertEquals(100, c.hidSize());
        assertEquals(500, c.dynamicResetWindow());
        assertEquals(1e-3, c.dynamicResetThreshold());
        assertEquals(128, c.gan().gfDim());
        assertEquals(64, c.gan().dfDim());
        assertEquals(3, c.gan().imgChannels());
        assertFalse(c.originalQuirks());
        assertEquals(0, c.stageOf(14));
        assertEquals(1, c.stageOf(15));
        assertEquals(2, c.stageOf(35));
    }

    @Test
    void overridesKeepTypesAndRefuseNonsense() {
        SearchSettings c = SearchSettings.preset("fmnist").with("ctrl_step", "3").with("lr", "1e-3")
                .with("original_quirks", "true").validate();
        assertEquals(3, c.ctrlStep());
        assertEquals(1e-3f, c.gan().lr());
        assertTrue(c.originalQuirks());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> c.with("ctrl_steps", "3"));
        assertTrue(unknown.getMessage().contains("unknown setting \"ctrl_steps\"")
                && unknown.getMessage().contains("ctrl_step"), unknown.getMessage());
        IllegalArgumentException type = assertThrows(IllegalArgumentException.class, () -> c.with("topk", "many"));
        assertTrue(type.getMessage().contains("an integer"), type.getMessage());
        assertThrows(IllegalArgumentException.class, () -> c.with("dynamic_reset", "yes"));
        IllegalArgumentException preset = assertThrows(IllegalArgumentException.class,
                () -> SearchSettings.preset("cifar"));
        assertTrue(preset.getMessage().contains("fmnist, paper-cifar10, paper-stl10"), preset.getMessage());
    }

    @Test
    void validateRefusesInconsistentSettings() {
        SearchSettings c = SearchSettings.preset("fmnist");
        assertThrows(IllegalArgumentException.class, () -> c.with("topk", "11").validate());
        IllegalArgumentException grow = assertThrows(IllegalArgumentException.class,
                () -> c.with("grow_step2", "9").validate());
        assertTrue(grow.getMessage().contains("grow_step2 < max_search_iter"), grow.getMessage());
        assertThrows(IllegalArgumentException.class, () -> c.with("rl_num_eval_img", "5").validate());
        assertThrows(IllegalArgumentException.class, () -> c.with("device", "tpu").validate());
        assertThrows(IllegalArgumentException.class, () -> c.with("dataset", "mnist").validate());
        assertThrows(IllegalArgumentException.class, () -> c.with("gf_dim", "0").validate());
    }

    @Test
    void configFileAppliesAndConfigJsonRoundTrips(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("my.json");
        Files.writeString(file, "{\"max_search_iter\": 12, \"dynamic_reset_threshold\": 0.002, \"seed\": 3}");
        SearchSettings c = SearchSettings.preset("fmnist").withFile(file).validate();
        assertEquals(12, c.maxSearchIter());
        assertEquals(0.002, c.dynamicResetThreshold());
        assertEquals(3, c.seed());
        Path saved = tmp.resolve("config.json");
        Files.writeString(saved, Json.write(RecordJson.write(c)));
        assertEquals(c, SearchSettings.load(saved));
        Files.writeString(file, "[1, 2]");
        assertThrows(IllegalArgumentException.class, () -> SearchSettings.preset("fmnist").withFile(file));
    }
}
