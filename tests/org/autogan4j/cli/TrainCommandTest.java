package org.autogan4j.cli;

// A tiny `train` end to end (gf/df 8, 64 training images, 4 G steps, two evaluations on 40 images):
// every run file exists and holds sane values, the step counts follow n_critic, best.json is the
// lowest-FID evaluation of metrics.csv, `eval` of best.safetensors reproduces the FID train logged
// for that step (same z seed, images, batch and statistics), and `sample` writes a grid of the right
// size. The reference statistics come from `fid-stats` on the first 200 training images. eval, sample
// and fid-stats refuse bad input (statistics holding NaN, counts out of range, a damaged sidecar) with
// one line before any work; where CUDA is missing, every command refuses -Dautogan4j.device=cuda and
// --device cuda with the same line, creating nothing.

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.autogan4j.app.TrainJob;
import org.autogan4j.io.Checkpoint;
import org.autogan4j.io.Json;
import org.autogan4j.tensor.CudaDevice;
import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {
    /** metrics.csv keeps FID to 6 decimals. */
    private static final double CSV_ROUNDING = 1e-6;
    /** eval repeats train's evaluation on the same weights, z and statistics: the same arithmetic. */
    private static final double REPRODUCE = 1e-6;

    @TempDir
    static Path dir;
    static Path run;
    static Path stats;

    @BeforeAll
    static void trainTiny() {
        stats = dir.resolve("stats.npz");
        Cli.ok("fid-stats", "--dataset", "fashion-mnist", "--images", "200", "--output", stats.toString(), "--device",
                "cpu");
        run = dir.resolve("run");
        Cli.ok("train", "--arch", "top1", "--out", run.toString(), "--stats", stats.toString(), "--train-images", "64",
                "--gf", "8", "--df", "8", "--latent", "8", "--dis-batch", "8", "--gen-batch", "8", "--steps", "4",
                "--n-critic", "5", "--eval-every", "2", "--eval-images", "40", "--eval-batch", "20", "--splits", "2",
                "--log-every", "1", "--seed", "7", "--device", "cpu");
    }

    private static List<String[]> rows(String kind) throws Exception {
        List<String> lines = Files.readAllLines(run.resolve("metrics.csv"));
        assertEquals(TrainJob.CSV_HEADER.trim(), lines.get(0));
        List<String[]> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            assertEquals(13, cells.length, line);
            if (cells[0].equals(kind)) {
                out.add(cells);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Path file) throws Exception {
        return (Map<String, Object>) Json.parse(Files.readString(file));
    }

    @Test
    void writesEveryFileWithStepsFollowingNCritic() throws Exception {
        for (String name : new String[] {"config.json", "metrics.csv", "best.safetensors", "best.json",
                "last.safetensors", "last.json", "samples/g0000002.png", "samples/g0000004.png"}) {
            assertTrue(Files.isRegularFile(run.resolve(name)), name);
        }
        Map<String, Object> config = json(run.resolve("config.json"));
        assertEquals("1,0,1,1,1,0,0,1,1,1,0,1,0,3", config.get("arch"));
        assertEquals("autogan-cifar10-a: the paper's AutoGAN-top1 (CIFAR-10), given as top1", config.get("arch_source"));
        assertEquals(64L, config.get("train_images"));
        assertEquals(8L, ((Map<?, ?>) config.get("config")).get("gf_dim"));
        List<String[]> losses = rows("loss");
        assertEquals(4, losses.size());
        for (int g = 1; g <= 4; g++) {
            String[] row = losses.get(g - 1);
            assertEquals(String.valueOf(g), row[2]);
            assertEquals(String.valueOf(5 * (g - 1) + 1), row[1], "a G step follows D steps 0, 5, 10, 15");
            assertTrue(Double.isFinite(Double.parseDouble(row[3])) && Double.parseDouble(row[3]) >= 0, row[3]);
            assertTrue(Double.isFinite(Double.parseDouble(row[4])), row[4]);
        }
        List<String[]> evals = rows("eval");
        assertEquals(2, evals.size());
        assertEquals("2", evals.get(0)[2]);
        assertEquals("4", evals.get(1)[2]);
        for (String[] row : evals) {
            double is = Double.parseDouble(row[5]);
            assertTrue(is >= 1 && is <= 10, "IS of a 10-class scorer lies in [1, 10]: " + is);
            assertTrue(Double.parseDouble(row[7]) > 0, "FID " + row[7]);
        }
        BufferedImage grid = ImageIO.read(run.resolve("samples/g0000004.png").toFile());
        assertEquals(8 * 34 + 2, grid.getWidth());
        assertEquals(8 * 34 + 2, grid.getHeight());
    }

    @Test
    void bestJsonIsTheLowestFidEvaluation() throws Exception {
        String[] best = rows("eval").stream()
                .min((a, b) -> Double.compare(Double.parseDouble(a[7]), Double.parseDouble(b[7]))).orElseThrow();
        Map<String, Object> sidecar = json(run.resolve("best.json"));
        assertEquals(Long.parseLong(best[2]), sidecar.get("g_step"));
        assertEquals(Long.parseLong(best[1]), sidecar.get("d_step"));
        assertEquals(Double.parseDouble(best[7]), (Double) sidecar.get("fid"), CSV_ROUNDING);
        assertEquals(Double.parseDouble(best[5]), (Double) sidecar.get("is_mean"), CSV_ROUNDING);
        assertEquals(4L, json(run.resolve("last.json")).get("g_step"));
    }

    @Test
    void evalOfTheBestCheckpointReproducesTheLoggedFid() throws Exception {
        Path out = dir.resolve("eval.json");
        Cli.ok("eval", "--checkpoint", run.resolve("best.safetensors").toString(), "--json", out.toString(), "--device",
                "cpu");
        Map<String, Object> logged = json(run.resolve("best.json"));
        Map<String, Object> again = json(out);
        assertEquals(40L, again.get("images"));
        assertEquals((Double) logged.get("fid"), (Double) again.get("fid"), REPRODUCE);
        assertEquals((Double) logged.get("is_mean"), (Double) again.get("is_mean"), REPRODUCE);
        assertEquals("fmnist-scorer", logged.get("fid_mode"), "the sidecar names the FID's mode");
        assertEquals("fmnist-scorer", again.get("fid_mode"));
        assertEquals((Double) logged.get("kid_mean"), (Double) again.get("kid_mean"), REPRODUCE, "KID beside FID");
        assertEquals(40L, again.get("kid_subset_size"), "subsets of all 40 images, fewer than 1000");
        String[] row = rows("eval").stream().filter(r -> r[2].equals(String.valueOf(logged.get("g_step"))))
                .findFirst().orElseThrow();
        assertEquals("fmnist-scorer", row[8], "metrics.csv's fid_mode column");
        assertEquals((Double) logged.get("kid_mean"), Double.parseDouble(row[9]), 1e-8, "metrics.csv's kid_mean");
        assertEquals(json(run.resolve("config.json")).get("arch_source"), again.get("arch_source"));
        Path fromFolder = dir.resolve("eval-folder.json");
        Cli.ok("eval", "--checkpoint", run.toString(), "--json", fromFolder.toString(), "--device", "cpu", "--quiet");
        assertEquals(run.resolve("best.safetensors").toString(), json(fromFolder).get("checkpoint"),
                "a run folder means its best.safetensors");
    }

    @Test
    void sampleWritesAGridOfTheRequestedSize() throws Exception {
        Path png = dir.resolve("grid.png");
        Cli.ok("sample", "--checkpoint", run.resolve("last.safetensors").toString(), "--out", png.toString(), "--n", "10",
                "--seed", "3", "--device", "cpu");
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(8 * (32 + 2) + 2, image.getWidth(), "8 per row, 32 px, 2 px borders");
        assertEquals(2 * (32 + 2) + 2, image.getHeight(), "10 samples make 2 rows");
    }

    @Test
    void anExistingRunIsNotOverwritten() throws Exception {
        String before = Files.readString(run.resolve("metrics.csv"));
        Cli.Result r = Cli.run("train", "--arch", "top1", "--out", run.toString(), "--stats", stats.toString(),
                "--device", "cpu");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("already holds a run"), r.err());
        assertEquals(before, Files.readString(run.resolve("metrics.csv")));
    }

    /** A one-line refusal (exit 1) holding expected. */
    private static void refused(String expected, String... args) {
        Cli.Result r = Cli.run(args);
        String err = r.err().strip();
        assertEquals(1, r.code(), err);
        assertTrue(err.startsWith("error: ") && err.contains(expected), err);
        assertEquals(1, err.lines().count(), err);
    }

    @Test
    void evalSampleAndFidStatsRefuseBadInputBeforeAnyWork() throws Exception {
        String best = run.resolve("best.safetensors").toString();
        Path json = dir.resolve("never.json");
        Path nan = BadSettingsTest.nanStatistics(dir.resolve("nan.npz"));
        refused("the FID reference statistics " + nan + " hold NaN in mu (value 3)", "eval", "--checkpoint", best,
                "--stats", nan.toString(), "--json", json.toString(), "--device", "cpu");
        refused("--images = 1 is out of range: use an integer in 2..200000", "eval", "--checkpoint", best, "--images",
                "1", "--json", json.toString(), "--device", "cpu");
        refused("--batch = 0 is out of range", "eval", "--checkpoint", best, "--batch", "0", "--device", "cpu");
        refused(dir.resolve("none.safetensors").toString(), "eval", "--checkpoint",
                dir.resolve("none.safetensors").toString());
        assertFalse(Files.exists(json));
        Path damaged = dir.resolve("damaged.safetensors");
        Map<String, Object> sidecar = new java.util.LinkedHashMap<>(Checkpoint.readSidecar(Path.of(best)));
        sidecar.remove("config");
        Map<String, Tensor> tensors = Checkpoint.readTensors(Path.of(best), Device.CPU);
        try {
            Checkpoint.save(damaged, tensors, sidecar);
        } finally {
            tensors.values().forEach(Tensor::close);
        }
        refused(damaged + ": its sidecar is damaged: config is missing", "sample", "--checkpoint", damaged.toString(),
                "--out", dir.resolve("d.png").toString());
        Path png = dir.resolve("never.png");
        refused("--n = 0 is out of range: use an integer in 1..1024", "sample", "--checkpoint", best, "--out",
                png.toString(), "--n", "0");
        refused("--n = 5000 is out of range", "sample", "--checkpoint", best, "--out", png.toString(), "--n", "5000");
        refused("--out must name a .png file", "sample", "--checkpoint", best, "--out", dir.resolve("g.jpg").toString());
        assertFalse(Files.exists(png) || Files.exists(dir.resolve("d.png")));
        Path npz = dir.resolve("never.npz");
        refused("--batch = 0 is out of range", "fid-stats", "--output", npz.toString(), "--batch", "0");
        refused("--size = 0 is out of range: use an integer in 1..32", "fid-stats", "--output", npz.toString(),
                "--size", "0");
        refused("--images (a covariance needs two) = 1 is out of range", "fid-stats", "--output", npz.toString(),
                "--images", "1");
        refused("--output must name an .npz file", "fid-stats", "--output", dir.resolve("s.txt").toString());
        assertFalse(Files.exists(npz));
    }

    @Test
    void everyCommandRefusesCudaTheSameWayWhereItIsMissing() {
        String reason = CudaDevice.unavailableReason();
        assumeTrue(reason != null, "CUDA is available here");
        String best = run.resolve("best.safetensors").toString();
        String[][] commands = {{"search", "--out", dir.resolve("c1").toString()},
            {"train", "--arch", "top1", "--out", dir.resolve("c2").toString(), "--stats", stats.toString()},
            {"eval", "--checkpoint", best}, {"sample", "--checkpoint", best, "--out", dir.resolve("c3.png").toString()},
            {"fid-stats", "--output", dir.resolve("c4.npz").toString()},
            {"train-scorer", "--output", dir.resolve("c5.safetensors").toString()}, {"info"}};
        String old = System.getProperty(Device.PROPERTY);
        System.setProperty(Device.PROPERTY, "cuda");
        try {
            for (String[] c : commands) {
                refused("-D" + Device.PROPERTY + "=cuda asks for CUDA, but CUDA is unavailable: " + reason, c);
            }
        } finally {
            if (old == null) {
                System.clearProperty(Device.PROPERTY);
            } else {
                System.setProperty(Device.PROPERTY, old);
            }
        }
        for (String[] c : commands) {
            if (!c[0].equals("info")) {
                String[] withFlag = java.util.Arrays.copyOf(c, c.length + 2);
                withFlag[c.length] = "--device";
                withFlag[c.length + 1] = "cuda";
                refused("--device cuda asks for CUDA, but CUDA is unavailable: " + reason, withFlag);
            }
        }
        for (String made : new String[] {"c1", "c2", "c3.png", "c4.npz", "c5.safetensors"}) {
            assertFalse(Files.exists(dir.resolve(made)), made);
        }
    }
}
