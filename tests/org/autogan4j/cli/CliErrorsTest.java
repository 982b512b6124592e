package org.autogan4j.cli;

// Bad input to train fails before anything is written: an unknown architecture code names the
// position and its range, a missing dataset folder names the missing file, an unknown preset and a
// bad flag are refused (exit 1 and 2), the paper preset asks for the Inception weights first, and the
// run folder is never created.

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliErrorsTest {
    @Test
    void anUnknownArchitectureCodeIsRefused(@TempDir Path dir) {
        Path out = dir.resolve("run");
        Cli.Result r = Cli.run("train", "--arch", "1,0,7,1,1,0,0,1,1,1,0,1,0,3", "--out", out.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("error: architecture position 2 (cell 1"), r.err());
        assertTrue(r.err().contains("is 7 but must be in 0..2"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aMissingDatasetFolderIsNamed(@TempDir Path dir) {
        Path out = dir.resolve("run");
        Path data = dir.resolve("no-such-folder");
        Cli.Result r = Cli.run("train", "--arch", "top1", "--data", data.toString(), "--out", out.toString(), "--device",
                "cpu");
        assertEquals(1, r.code());
        assertTrue(r.err().contains(data.toString()) && r.err().contains("missing"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void anUnknownPresetOrFlagIsRefused(@TempDir Path dir) {
        Path out = dir.resolve("run");
        Cli.Result preset = Cli.run("train", "--arch", "top1", "--preset", "imagenet", "--out", out.toString());
        assertEquals(1, preset.code());
        assertTrue(preset.err().contains("--preset imagenet is not one of fmnist, paper-cifar10, paper-stl10"), preset.err());
        Cli.Result flag = Cli.run("train", "--arch", "top1", "--out", out.toString(), "--learning-speed", "3");
        assertEquals(2, flag.code());
        assertTrue(flag.err().contains("--learning-speed"), flag.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void thePaperPresetNeedsTheInceptionWeightsBeforeAnything(@TempDir Path dir) {
        Path out = dir.resolve("run");
        Path weights = dir.resolve("missing.pth");
        Cli.Result r = Cli.run("train", "--arch", "top1", "--preset", "paper-cifar10", "--inception-weights",
                weights.toString(), "--out", out.toString(), "--device", "cpu");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("the FID Inception weights are missing: looked for " + weights), r.err());
        assertFalse(Files.exists(out));
    }
}
