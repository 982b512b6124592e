// The paper presets, paper-cifar10 and paper-stl10: their numbers (spec 1, 3, 5: search at gf 128 / df
// 64, training at gf 256 / df 128, STL-10 at 48x48 with bottom width 6), and each run end to end as a
// GPU run would, on tiny files this test writes in the datasets' binary formats (5 CIFAR-10 records; 2
// STL-10 images of 96x96) with stand-in Inception weights (metrics.StandInInception: the real network's
// shapes, meaningless scores): the search at tiny widths writes its top-K with pytorch-fid FIDs, and train
// trains its top-1 at the preset's resolution and scores it. The reference caches go to a temp folder.
package org.autogan4j.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.autogan4j.io.Json;
import org.autogan4j.io.JsonObject;
import org.autogan4j.metrics.ReferenceStatistics;
import org.autogan4j.metrics.StandInInception;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PaperPresetsTest {
    private static final Log QUIET = Log.silent();
    private static final int STL_IMAGE = 3 * 96 * 96;

    @TempDir
    static Path dir;
    static Path weights;
    static String cacheBefore;

    @BeforeAll
    static void standIns() throws Exception {
        cacheBefore = System.getProperty(ReferenceStatistics.CACHE_PROPERTY);
        System.setProperty(ReferenceStatistics.CACHE_PROPERTY, dir.resolve("cache").toString());
        weights = dir.resolve("inception.pth");
        StandInInception.write(weights);
    }

    @AfterAll
    static void restoreCache() {
        if (cacheBefore == null) {
            System.clearProperty(ReferenceStatistics.CACHE_PROPERTY);
        } else {
            System.setProperty(ReferenceStatistics.CACHE_PROPERTY, cacheBefore);
        }
    }

    @Test
    void presetsCarryThePapersNumbers() {
        SearchSettings stl = SearchSettings.preset("paper-stl10").validate();
        assertEquals("stl10", stl.dataset());
        assertEquals(6, stl.bottomWidth());
        assertEquals(List.of(128, 64, 128), List.of(stl.gfDim(), stl.dfDim(), stl.latentDim()));
        assertEquals(15 * 1641, stl.sharedSteps(), "15 epochs of 1,641 batches of 105,000 images");
        assertEquals(List.of(65, 15, 35), List.of(stl.maxSearchIter(), stl.growStep1(), stl.growStep2()));
        TrainSettings train = TrainSettings.preset("paper-stl10", null);
        assertEquals("stl10", train.dataset());
        assertEquals(List.of(256, 128, 6, 48), List.of(train.gan().gfDim(), train.gan().dfDim(),
                train.gan().bottomWidth(), train.gan().resolution(2)));
        assertEquals(50_000, train.gSteps());
        assertEquals(List.of(256, 128, 4, 32), List.of(TrainSettings.preset("paper-cifar10", null).gan().gfDim(),
                TrainSettings.preset("paper-cifar10", null).gan().dfDim(),
                TrainSettings.preset("paper-cifar10", null).gan().bottomWidth(),
                TrainSettings.preset("paper-cifar10", null).gan().resolution(2)));
    }

    @Test
    void paperCifar10RunsEndToEnd() throws Exception {
        Path data = dir.resolve("cifar-10-batches-bin");
        Files.createDirectories(data);
        Files.createFile(data.resolve("autogan4j-subset"));
        for (int f = 1; f <= 5; f++) {
            byte[] bytes = new byte[3073];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (i % 3073 == 0 ? (f + i / 3073) % 10 : (i * 7 + f * 13) & 0xFF);
            }
            Files.write(data.resolve("data_batch_" + f + ".bin"), bytes);
        }
        endToEnd("paper-cifar10", data, 32);
    }

    @Test
    void paperStl10RunsEndToEnd() throws Exception {
        Path data = dir.resolve("stl10_binary");
        Files.createDirectories(data);
        Files.createFile(data.resolve("autogan4j-subset"));
        for (String name : new String[] {"train_X.bin", "unlabeled_X.bin"}) {
            byte[] bytes = new byte[STL_IMAGE];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) ((i * 11 + name.length()) & 0xFF);
            }
            Files.write(data.resolve(name), bytes);
        }
        Files.write(data.resolve("train_y.bin"), new byte[] {10});
        endToEnd("paper-stl10", data, 48);
    }

    /** A tiny search of preset on data, then its top-1 trained 2 G steps; the images are side px. */
    private static void endToEnd(String preset, Path data, int side) throws Exception {
        String[][] tiny = {{"data", data.toString()}, {"latent_dim", "8"}, {"gf_dim", "8"}, {"df_dim", "8"},
            {"dis_bs", "2"}, {"gen_bs", "2"}, {"max_search_iter", "3"}, {"grow_step1", "1"}, {"grow_step2", "2"},
            {"shared_steps", "2"}, {"ctrl_step", "1"}, {"num_candidate", "1"}, {"topk", "1"}, {"hid_size", "8"},
            {"rl_num_eval_img", "2"}, {"is_splits", "1"}, {"eval_batch", "2"}, {"sample_images", "2"},
            {"device", "cpu"}};
        SearchSettings search = SearchSettings.preset(preset);
        for (String[] kv : tiny) {
            search = search.with(kv[0], kv[1]);
        }
        Path run = dir.resolve(preset + "-search");
        SearchJob.Outcome found = SearchJob.start(search, run, weights, QUIET);
        JsonObject top = Json.readObject(run.resolve("topk.json")).objects("architectures").get(0);
        assertEquals("pytorch-fid", top.string("fid_mode"));
        assertEquals(14, top.list("arch").size());
        assertTrue(found.trainCommand().contains("--preset " + preset), found.trainCommand());
        String[][] train = {{"arch", run.toString()}, {"data", data.toString()}, {"config.gf_dim", "8"},
            {"config.df_dim", "8"}, {"config.latent_dim", "8"}, {"config.dis_batch_size", "2"},
            {"config.gen_batch_size", "2"}, {"g_steps", "2"}, {"eval_every", "2"}, {"eval_images", "2"},
            {"eval_batch", "2"}, {"splits", "1"}, {"log_every", "1"}, {"device", "cpu"}};
        TrainSettings t = TrainSettings.preset(preset, null);
        for (String[] kv : train) {
            t = t.with(kv[0], kv[1]);
        }
        assertEquals(side, t.gan().resolution(2));
        Path trained = dir.resolve(preset + "-train");
        TrainJob.Outcome o = TrainJob.start(t, trained, weights, QUIET);
        assertEquals(2, o.gSteps());
        assertEquals(found.top1(), o.arch());
        PipelineState.Candidate scored = PipelineScores.at(trained, 2, 1, o.arch());
        assertEquals("pytorch-fid", scored.fidMode());
        assertTrue(scored.fid() != null && scored.fid() >= 0, "a FID against the fixture's statistics: " + scored.fid());
        assertTrue(Files.isRegularFile(trained.resolve("samples/g0000002.png")));
    }
}
