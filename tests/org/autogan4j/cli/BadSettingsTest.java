package org.autogan4j.cli;

// Bad settings of search and train, each refused before anything is created: exit status 1 (2 for a
// flag picocli cannot parse or a missing one), one line "error: ..." naming the setting or file and
// the allowed range, no stack trace, and no run folder left behind. Non-finite numbers, numbers out of
// range, sizes that would need terabytes, an inconsistent schedule, a missing dataset, settings file
// or statistics file, statistics holding NaN, and an --out that is a file are all among them.

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.autogan4j.metrics.FashionScorer;
import org.autogan4j.metrics.FidStatistics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BadSettingsTest {
    @TempDir
    static Path dir;
    static Path nanStats;

    @BeforeAll
    static void files() throws IOException {
        nanStats = nanStatistics(dir.resolve("nan-stats.npz"));
        Files.writeString(dir.resolve("broken.json"), "{\"seed\": 3,");
        Files.writeString(dir.resolve("a-file"), "not a folder");
    }

    /** FID statistics of the Fashion-MNIST scorer's width with NaN at mu[3], written to file. */
    static Path nanStatistics(Path file) throws IOException {
        int d = FashionScorer.FEATURES;
        double[] mu = new double[d];
        double[] sigma = new double[d * d];
        for (int i = 0; i < d; i++) {
            sigma[i * d + i] = 1;
        }
        mu[3] = Double.NaN;
        new FidStatistics(mu, sigma).save(file);
        return file;
    }

    static Stream<Arguments> search() {
        String[][] cases = {
            {"--set lr=NaN", "lr = NaN is out of range: use a finite number in (0, 1]"},
            {"--set lr=1e999", "lr = Infinity is out of range"},
            {"--set lr=1e-50", "setting \"lr\" = 1e-50 rounds to 0.0 as a 32-bit float"},
            {"--set ema_decay=NaN", "ema_decay = NaN is out of range: use a finite number in [0, 1)"},
            {"--set beta2=1", "beta2 = 1.0 is out of range: use a finite number in [0, 1)"},
            {"--set beta1=-0.5", "beta1 = -0.5 is out of range"},
            {"--set latent_dim=2000000000", "latent_dim = 2000000000 is out of range: use an integer in 1..2048"},
            {"--set hid_size=100000000", "hid_size = 100000000 is out of range: use an integer in 1..2048"},
            {"--set dis_bs=0", "dis_bs = 0 is out of range: use an integer in 1..4096"},
            {"--set gf_dim=2048 --set dis_bs=4096", "floats per activation, more than 1073741824"},
            {"--set eval_batch=100000", "eval_batch = 100000 is out of range: use an integer in 1..500"},
            {"--set rl_num_eval_img=1000000000", "rl_num_eval_img = 1000000000 is out of range"},
            {"--set keep_checkpoints=0", "keep_checkpoints = 0 is out of range"},
            {"--set dynamic_reset_threshold=NaN", "dynamic_reset_threshold = NaN is out of range"},
            {"--set dynamic_reset_window=1", "dynamic_reset_window = 1 is out of range"},
            {"--set bottom_width=3", "bottom_width = 3 makes 6 px images at stage 0"},
            {"--set topk=11", "topk = 11 is out of range: use an integer in 1..10"},
            {"--set grow_step1=0", "need 1 <= grow_step1 < grow_step2 < max_search_iter"},
            {"--iterations 2", "max_search_iter = 2 is out of range"},
            {"--set shared_steps=3000000000", "setting \"shared_steps\" = 3000000000 is out of range"},
            {"--set seed=1x8", "setting \"seed\" needs an integer, got \"1x8\""},
            {"--set n_critic=0", "n_critic = 0 is out of range"},
            {"--set sample_images=100000", "sample_images = 100000 is out of range"},
            {"--set dataset=mnist", "unknown dataset \"mnist\""},
            {"--set gf=3", "unknown setting \"gf\"; the settings are preset, dataset,"},
            {"--data DIR/missing", "train-images-idx3-ubyte.gz is missing"},
            {"--config DIR/missing.json", "the settings file DIR/missing.json does not exist"},
            {"--config DIR/broken.json", "DIR/broken.json: bad JSON at character 11"},
        };
        List<Arguments> out = new ArrayList<>();
        for (String[] c : cases) {
            out.add(Arguments.of(c[0] + " --device cpu", c[1]));
        }
        out.add(Arguments.of("--set device=tpu", "device = \"tpu\" is not one of auto, cpu, cuda"));
        return out.stream();
    }

    static Stream<Arguments> train() {
        String stats = " --stats " + nanStats;
        String[][] cases = {
            {"--lr NaN", "--lr = NaN is out of range: use a finite number in (0, 1]"},
            {"--lr 1e-50", "--lr = 0.0 is out of range"},
            {"--ema 5", "--ema = 5.0 is out of range: use a finite number in [0, 1)"},
            {"--beta2 1", "--beta2 = 1.0 is out of range: use a finite number in [0, 1)"},
            {"--latent 2000000000", "--latent = 2000000000 is out of range: use an integer in 1..2048"},
            {"--gf 2048 --dis-batch 4096", "floats per activation"},
            {"--steps 0", "--steps = 0 is out of range"},
            {"--eval-images 1", "--eval-images = 1 is out of range: use an integer in 10..200000"},
            {"--splits 0", "--splits = 0 is out of range"},
            {"--eval-batch 100000", "--eval-batch = 100000 is out of range: use an integer in 1..500"},
            {"--bottom-width 5", "--bottom-width 5 makes 40 px images, but fashion-mnist has 32 px"},
            {"--dis-batch 0", "--dis-batch = 0 is out of range"},
            {"--n-critic 0", "--n-critic = 0 is out of range"},
            {"--max-seconds -1", "--max-seconds = -1.0 is out of range"},
            {"--max-seconds NaN", "--max-seconds = NaN is out of range"},
            {"--stats DIR/missing.npz", "--stats DIR/missing.npz does not exist"},
            {"--data DIR/missing", "train-images-idx3-ubyte.gz is missing"},
            {stats.trim(), "the FID reference statistics " + nanStats + " hold NaN in mu (value 3)"},
        };
        List<Arguments> out = new ArrayList<>();
        for (String[] c : cases) {
            out.add(Arguments.of("--arch top1 --train-images 64 --device cpu " + c[0], c[1]));
        }
        out.add(Arguments.of("--arch top1 --device tpu", "--device = \"tpu\" is not one of auto, cpu, cuda"));
        return out.stream();
    }

    private static String[] args(String command, String flags, Path out) {
        List<String> args = new ArrayList<>(List.of(command, "--out", out.toString()));
        for (String f : flags.split(" ")) {
            args.add(f.replace("DIR", dir.toString()));
        }
        return args.toArray(new String[0]);
    }

    /** The command fails with exit 1 and one "error:" line holding expected, and out was never created. */
    private static void refused(String command, String flags, String expected) {
        Path out = dir.resolve(command + "-" + Integer.toHexString(flags.hashCode()));
        Cli.Result r = Cli.run(args(command, flags, out));
        String err = r.err().strip();
        assertEquals(1, r.code(), err);
        assertTrue(err.startsWith("error: ") && err.contains(expected.replace("DIR", dir.toString())), err);
        assertEquals(1, err.lines().count(), "one line, no stack trace: " + err);
        assertFalse(Files.exists(out), "nothing created for " + flags);
    }

    @ParameterizedTest(name = "search {0}")
    @MethodSource("search")
    void searchRefusesBeforeCreatingAnything(String flags, String expected) {
        refused("search", flags, expected);
    }

    @ParameterizedTest(name = "train {0}")
    @MethodSource("train")
    void trainRefusesBeforeCreatingAnything(String flags, String expected) {
        refused("train", flags, expected);
    }

    @Test
    void anOutThatIsAFileIsRefusedAndKept() throws IOException {
        Path file = dir.resolve("a-file");
        Cli.Result r = Cli.run("train", "--arch", "top1", "--out", file.toString(), "--device", "cpu");
        assertEquals(1, r.code());
        assertTrue(r.err().contains(file + " exists and is not a folder"), r.err());
        assertEquals("not a folder", Files.readString(file));
    }

    @Test
    void trainFlagsOutsideTheirModeAreRefused() {
        Path out = dir.resolve("no-arch");
        Cli.Result noArch = Cli.run("train", "--out", out.toString());
        assertEquals(2, noArch.code(), noArch.err());
        assertTrue(noArch.err().contains("Missing required option: '--arch'"), noArch.err());
        Cli.Result mixed = Cli.run("train", "--resume", dir.toString(), "--eval-every", "3");
        assertEquals(1, mixed.code());
        assertTrue(mixed.err().contains("takes no other settings") && mixed.err().contains("--eval-every"), mixed.err());
        Cli.Result notRun = Cli.run("train", "--resume", dir.resolve("nowhere").toString());
        assertEquals(1, notRun.code());
        assertTrue(notRun.err().contains("is not a train run folder (it has no config.json)"), notRun.err());
        assertFalse(Files.exists(out));
    }
}
