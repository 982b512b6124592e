package org.autogan4j.cli;

// A tiny `train` end to end (gf/df 8, 64 training images, 4 G steps, two evaluations on 40 images):
// every run file exists and holds sane values, the step counts follow n_critic, best.json is the
// lowest-FID evaluation of metrics.csv, `eval` of best.safetensors reproduces the FID train logged
// for that step (same z seed, images, batch and statistics), and `sample` writes a grid of the right
// size. The reference statistics come from `fid-stats` on the first 200 training images.

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.autogan4j.app.TrainJob;
import org.autogan4j.io.Json;
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
                "--eval-every", "2", "--eval-images", "40", "--eval-batch", "20", "--splits", "2", "--log-every", "1",
                "--seed", "7", "--device", "cpu");
    }

    private static List<String[]> rows(String kind) throws Exception {
        List<String> lines = Files.readAllLines(run.resolve("metrics.csv"));
        assertEquals(TrainJob.CSV_HEADER.trim(), lines.get(0));
        List<String[]> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            assertEquals(10, cells.length, line);
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
}
