// The reward settings of a search: the size penalty's exact form (lambda x size / size of the largest
// architecture), the refusals of bad reward, size and budget values, a budget the sampler cannot meet,
// and a tiny random search with the FID reward under a parameter budget: every architecture it drew fits
// the budget, every reward row names its kind, the rewards are -FID/100 (negative), the entropy is the
// uniform draw's, and a run stopped after iteration 1 and resumed ends as the uninterrupted one.
package org.autogan4j.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.autogan4j.data.Dataset;
import org.autogan4j.gan.Architecture;
import org.autogan4j.gan.GeneratorCost;
import org.autogan4j.io.Json;
import org.autogan4j.metrics.FashionScorer;
import org.autogan4j.search.CounterRng;
import org.autogan4j.search.MultiLevelSearch;
import org.autogan4j.tensor.Device;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchRewardTest {
    private static final Log QUIET = Log.silent();
    /** The smallest generator plus one 1x1 shortcut conv: a budget that refuses some architectures, not all. */
    private static final long BUDGET_EXTRA = 8 * 8 + 8;

    static SearchSettings randomFid() {
        SearchSettings s = SearchRunTest.tiny().with("search_method", "random").with("reward", "fid");
        long smallest = GeneratorCost.of(s.gan(), SearchReward.SMALLEST).parameters();
        return s.with("max_params", String.valueOf(smallest + BUDGET_EXTRA)).validate();
    }

    @Test
    void sizePenaltyIsLambdaTimesSizeOverTheLargestArchitecture() {
        SearchSettings s = SearchRunTest.tiny().with("size_penalty", "0.5");
        assertEquals(0.5, SearchReward.sizeTerm(s, SearchReward.LARGEST), 1e-15);
        GeneratorCost top1 = GeneratorCost.of(s.gan(), Architecture.TOP1);
        GeneratorCost largest = GeneratorCost.of(s.gan(), SearchReward.LARGEST);
        assertEquals(0.5 * top1.parameters() / largest.parameters(), SearchReward.sizeTerm(s, Architecture.TOP1), 1e-15);
        SearchSettings macs = s.with("size_measure", "macs");
        assertEquals(0.5 * top1.multiplyAdds() / largest.multiplyAdds(), SearchReward.sizeTerm(macs, Architecture.TOP1),
                1e-15);
        assertTrue(SearchReward.sizeTerm(s, Architecture.TOP1) < 0.5);
        assertEquals(0, SearchReward.sizeTerm(SearchRunTest.tiny(), SearchReward.LARGEST));
        assertEquals("fid-0.5*macs", SearchReward.kind(macs.with("reward", "fid")));
        assertEquals("is", SearchReward.kind(SearchRunTest.tiny()));
    }

    @Test
    void badValuesAreRefusedNamingTheKey() {
        SearchSettings s = SearchRunTest.tiny();
        assertEquals("reward = \"psnr\" is not one of is, fid, kid",
                assertThrows(IllegalArgumentException.class, () -> s.with("reward", "psnr").validate()).getMessage());
        assertEquals("search_method = \"grid\" is not one of rl, random",
                assertThrows(IllegalArgumentException.class, () -> s.with("search_method", "grid").validate())
                .getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> s.with("size_penalty", "-1").validate())
                .getMessage().startsWith("size_penalty = -1.0 is out of range"));
        long smallest = GeneratorCost.of(s.gan(), SearchReward.SMALLEST).parameters();
        assertEquals("max_params = 10 is below the smallest generator of the space at gf_dim 8 (" + smallest
                + " parameters): use 0 (no budget) or at least " + smallest, assertThrows(IllegalArgumentException.class,
                () -> s.with("max_params", "10").validate()).getMessage());
    }

    @Test
    void aBudgetNoDrawMeetsIsAnErrorAfterTheRedraws() {
        MultiLevelSearch m = new MultiLevelSearch(new CounterRng(3), 16, 3, 2, false, 0, List.of())
                .sampling(true, a -> false, "max_params = 1");
        IllegalStateException e = assertThrows(IllegalStateException.class, m::sample);
        assertEquals("no architecture within max_params = 1 in " + MultiLevelSearch.MAX_REDRAWS + " draws at stage 0: "
                + "raise the budget or lower gf_dim", e.getMessage());
        MultiLevelSearch some = new MultiLevelSearch(new CounterRng(3), 16, 3, 2, false, 0, List.of())
                .sampling(true, a -> a.cell(1).shortcut(), "shortcut");
        for (int i = 0; i < 20; i++) {
            assertTrue(some.sample().architecture().cell(1).shortcut(), "only architectures within the budget");
        }
    }

    private static SearchRun open(Path root, boolean resume) throws IOException {
        SearchSettings config = randomFid();
        Dataset images = SearchJob.trainingImages(config);
        FashionScorer scorer = FashionScorer.loadDefault(Device.CPU);
        return resume
                ? SearchRun.resume(config, SearchRunDirectory.open(root, QUIET), Device.CPU, scorer, images, QUIET)
                : SearchRun.start(config, SearchRunDirectory.create(root, config, QUIET), Device.CPU, scorer, images,
                        QUIET);
    }

    @Test
    void randomSearchWithTheFidRewardUnderABudget(@TempDir Path tmp) throws IOException {
        Path whole = tmp.resolve("whole");
        try (SearchRun run = open(whole, false)) {
            run.run();
        }
        SearchSettings s = randomFid();
        int rewardRows = 0;
        List<String> lines = Files.readAllLines(whole.resolve("metrics.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (!f[10].isEmpty()) {
                Architecture a = Architecture.parse(f[10].replace('-', ','));
                assertTrue(GeneratorCost.of(s.gan(), a).parameters() <= s.maxParams(), line);
            }
            if (!f[7].isEmpty()) {
                rewardRows++;
                assertEquals("fid", f[11], line);
                assertTrue(Double.parseDouble(f[7]) < 0, "-FID/100 is negative: " + line);
            }
            if (f[3].equals("controller")) {
                int stage = Integer.parseInt(f[2]);
                assertEquals(MultiLevelSearch.uniformEntropy(stage), Double.parseDouble(f[9]), 1e-12, line);
                assertEquals("", f[8], "random search has no baseline: " + line);
            }
        }
        assertEquals(6 + 3 + 4 + 2, rewardRows, "controller, iteration, grow and final rows");
        assertEquals("fid", Json.readObject(whole.resolve("topk.json")).string("reward_kind"));
        assertEquals("rank 1 of " + whole.resolve("topk.json").toAbsolutePath().normalize() + ", search reward fid "
                + String.format(Locale.ROOT, "%.3f", Json.readObject(whole.resolve("topk.json")).objects("architectures")
                .get(0).number("reward")), ArchChoice.resolve(whole.toString()).source());
        Path killed = tmp.resolve("killed");
        try (SearchRun run = open(killed, false)) {
            run.runIterations(1);
        }
        try (SearchRun run = open(killed, true)) {
            run.run();
        }
        SearchRunTest.assertSameResult(whole, killed);
    }
}
