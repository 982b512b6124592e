// --tensorboard on real runs, the event files read back with every record's CRCs checked
// (testing.TensorBoardEvents): a tiny search writes one file with the shared losses, the controller's
// reward, baseline and entropy, the iteration means, growth and final scores and a sample grid per
// iteration (a PNG of the grid's size), the rewards equal to metrics.csv's; a tiny train stopped after
// its first checkpoint and resumed has two files, with losses, learning rate, IS, FID (equal to
// metrics.csv's) and KID at the G steps, and the sample grids.
package org.autogan4j.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.imageio.ImageIO;

import org.autogan4j.metrics.FashionScorer;
import org.autogan4j.tensor.Device;
import org.autogan4j.testing.TensorBoardEvents;
import org.autogan4j.testing.TensorBoardEvents.Event;
import org.autogan4j.testing.TensorBoardEvents.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TensorBoardRunTest {
    @TempDir
    Path dir;

    private static List<Event> events(Path run) throws IOException {
        List<Event> out = new ArrayList<>();
        for (Path file : TensorBoardEvents.files(run.resolve(TensorBoardLog.FOLDER))) {
            List<Event> events = TensorBoardEvents.read(file);
            assertEquals("brain.Event:2", events.get(0).fileVersion(), "each file starts with its version");
            out.addAll(events.subList(1, events.size()));
        }
        return out;
    }

    private static Set<String> tags(List<Event> events) {
        Set<String> out = new TreeSet<>();
        events.forEach(e -> e.values().forEach(v -> out.add(v.tag())));
        return out;
    }

    /** The values of tag, in file order. */
    private static List<Value> values(List<Event> events, String tag) {
        List<Value> out = new ArrayList<>();
        events.forEach(e -> e.values().stream().filter(v -> v.tag().equals(tag)).forEach(out::add));
        return out;
    }

    @Test
    void aSearchWritesItsScalarsAndGrids() throws IOException {
        SearchSettings config = SearchRunTest.tiny().with("tensorboard", "true");
        Path run = dir.resolve("search");
        try (SearchRun r = SearchRun.start(config, SearchRunDirectory.create(run, config, Log.silent()), Device.CPU,
                FashionScorer.loadDefault(Device.CPU), SearchJob.trainingImages(config), Log.silent())) {
            r.run();
        }
        assertEquals(1, TensorBoardEvents.files(run.resolve("tensorboard")).size());
        List<Event> events = events(run);
        assertTrue(tags(events).containsAll(List.of("shared/d_loss", "shared/g_loss", "shared/lr", "controller/reward",
                "controller/baseline", "controller/entropy", "iteration/mean_reward", "grow/best_reward", "final/reward",
                "final/fid", "final/kid", "final/is_mean", "samples")), tags(events).toString());
        List<Float> rewards = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("metrics.csv"))) {
            String[] cells = line.split(",", -1);
            if (cells[3].equals("controller")) {
                rewards.add((float) Double.parseDouble(cells[7]));
            }
        }
        List<Float> logged = values(events, "controller/reward").stream().map(Value::simple).toList();
        assertEquals(rewards, logged, "the controller rewards of metrics.csv, as floats");
        List<Value> grids = values(events, "samples");
        assertEquals(3, grids.size(), "one grid per iteration");
        var image = ImageIO.read(new ByteArrayInputStream(grids.get(2).png()));
        assertEquals(4 * 34 + 2, image.getWidth(), "4 samples of 32 px in a row with 2 px borders");
        assertEquals(image.getWidth(), grids.get(2).width());
        assertEquals(image.getHeight(), grids.get(2).height());
        assertEquals(1, grids.get(2).channels());
    }

    @Test
    void aResumedTrainAppendsAFileWithTheSameTags() throws Exception {
        Path stats = TrainRuns.stats(dir);
        String[][] tiny = TrainRuns.tiny(stats, 6, 2);
        TrainSettings settings = TrainRuns.settings(tiny).with("tensorboard", "true");
        Path run = dir.resolve("train");
        TrainJob.start(settings, run, null, Log.silent(), 2);
        TrainJob.resume(run, null, null, Log.silent());
        assertEquals(2, TensorBoardEvents.files(run.resolve("tensorboard")).size(), "one file per process");
        List<Event> events = events(run);
        assertTrue(tags(events).containsAll(List.of("loss/d", "loss/g", "train/lr", "eval/is_mean", "eval/is_std",
                "eval/fid", "eval/kid", "samples")), tags(events).toString());
        assertEquals(settings.gan().lr(), values(events, "train/lr").get(0).simple());
        List<Long> evalSteps = new ArrayList<>();
        events.forEach(e -> e.values().stream().filter(v -> v.tag().equals("eval/fid")).forEach(v -> evalSteps.add(e.step())));
        assertEquals(List.of(2L, 4L, 6L), evalSteps, "evaluations at G steps 2 (first file), 4 and 6 (second)");
        List<Float> fids = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("metrics.csv"))) {
            String[] cells = line.split(",", -1);
            if (cells[0].equals("eval")) {
                fids.add((float) Double.parseDouble(cells[7]));
            }
        }
        List<Float> logged = values(events, "eval/fid").stream().map(Value::simple).toList();
        assertEquals(fids.size(), logged.size());
        for (int i = 0; i < fids.size(); i++) {
            assertEquals(fids.get(i), logged.get(i), Math.ulp(fids.get(i)) + 1e-6f * fids.get(i),
                    "FID as metrics.csv rounds it to 6 decimals");
        }
    }
}
