// The runs of one locked evidence directory, in a fixed order: for each search seed the rl search and
// its top-1 trained from scratch, then the random search and its top-1; then each uniformly random
// architecture trained from scratch. Every train run has the same budget and settings (train_steps G
// steps, one evaluation at the end), so the methods differ only in the architecture they give. A run
// is done when its result is on disk (topk.json; the train checkpoint at train_steps), one that
// stopped with a checkpoint is resumed, one that stopped before its first is begun again; so a killed
// evidence run repeats at most the unfinished run. Each run prints a progress line.
package org.autogan4j.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.autogan4j.gan.Architecture;
import org.autogan4j.gan.GeneratorCost;
import org.autogan4j.search.Controller;
import org.autogan4j.search.CounterRng;
import org.autogan4j.search.MultiLevelSearch;

final class EvidenceRuns {
    static final String RL = "rl";
    static final String RANDOM = "random";
    static final String RANDOM_ARCH = "random-arch";

    /**
     * One trained candidate: its method, number (the search seed's, 1-based, or the random
     * architecture's), the search seed (null for a random architecture), codes, its train run's scores at
     * the last G step (null when not finite) and its size at the train widths.
     */
    record Candidate(String method, int number, Long searchSeed, String arch, long gSteps, Double fid, String fidMode,
            Double isMean, Double isStd, long parameters, long multiplyAdds) {
    }

    private final EvidenceSettings settings;
    private final RunFolder folder;
    private final String device;
    private final Path inceptionWeights;
    private final Log log;
    private final int stopAfter;
    private int done;

    /** Runs into folder; device (may be null) overrides the settings'; stops after stopAfter runs (tests), or never when negative. */
    EvidenceRuns(EvidenceSettings settings, RunFolder folder, String device, Path inceptionWeights, Log log,
            int stopAfter) {
        this.settings = settings;
        this.folder = folder;
        this.device = device;
        this.inceptionWeights = inceptionWeights;
        this.log = log;
        this.stopAfter = stopAfter;
    }

    /** Every candidate, in run order; null when stopped at stopAfter. */
    List<Candidate> run() throws Exception {
        List<Candidate> out = new ArrayList<>();
        for (int i = 0; i < settings.seeds(); i++) {
            for (String method : new String[] {RL, RANDOM}) {
                Path search = search(method, i);
                if (search == null) {
                    return null;
                }
                Candidate c = train(method, i + 1, settings.searchSettings(method, i).seed(),
                        search.toAbsolutePath() + ":1");
                if (c == null) {
                    return null;
                }
                out.add(c);
            }
        }
        List<Architecture> archs = randomArchitectures(settings);
        for (int r = 0; r < archs.size(); r++) {
            Candidate c = train(RANDOM_ARCH, r + 1, null, archs.get(r).toString());
            if (c == null) {
                return null;
            }
            out.add(c);
        }
        return out;
    }

    private int total() {
        return 4 * settings.seeds() + settings.randomArchs();
    }

    private boolean stop() {
        done++;
        return stopAfter >= 0 && done >= stopAfter;
    }

    private void line(String what, Path dir) {
        log.info(String.format(Locale.ROOT, "[evidence] run %d of %d: %s into %s", done + 1, total(), what, dir));
    }

    private Path search(String method, int index) throws Exception {
        SearchSettings s = settings.searchSettings(method, index);
        Path dir = folder.resolve("search").resolve(method + "-seed-" + (index + 1));
        line(method + " search, seed " + s.seed(), dir);
        if (!Files.isRegularFile(dir.resolve("topk.json"))) {
            if (PipelineStages.hasCheckpoint(dir)) {
                SearchJob.resume(dir, device, inceptionWeights, log);
            } else {
                PipelineJob.deleteTree(dir);
                Files.createDirectories(dir.getParent());
                SearchJob.start(device == null ? s : s.with("device", device), dir, inceptionWeights, log);
            }
        }
        return stop() ? null : dir;
    }

    private Candidate train(String method, int number, Long searchSeed, String arch) throws Exception {
        Path dir = folder.resolve("train").resolve((method.equals(RANDOM_ARCH) ? "arch" : method + "-seed") + "-" + number);
        line(method + " candidate " + number + ", " + settings.trainSteps() + " G steps", dir);
        if (!PipelineStages.reached(dir, settings.trainSteps())) {
            if (PipelineStages.hasCheckpoint(dir)) {
                TrainJob.resume(dir, device, inceptionWeights, log);
            } else {
                PipelineJob.deleteTree(dir);
                Files.createDirectories(dir.getParent());
                TrainSettings t = settings.trainSettings(arch);
                TrainJob.start(device == null ? t : t.with("device", device), dir, inceptionWeights, log);
            }
        }
        TrainSettings t = TrainSettings.load(dir.resolve(RunFolder.CONFIG));
        PipelineState.Candidate s = PipelineScores.at(dir, settings.trainSteps(), number, t.arch());
        GeneratorCost cost = GeneratorCost.of(t.gan(), Architecture.parse(t.arch()));
        Candidate c = new Candidate(method, number, searchSeed, t.arch(), s.gSteps(), s.fid(), s.fidMode(), s.isMean(),
                s.isStd(), cost.parameters(), cost.multiplyAdds());
        return stop() ? null : c;
    }

    /**
     * The random architectures: each token uniform over its choices (every cell, skips included),
     * drawn from arch_seed, redrawn while over the search's max_params (at most MultiLevelSearch.MAX_REDRAWS times).
     */
    static List<Architecture> randomArchitectures(EvidenceSettings settings) {
        CounterRng rng = new CounterRng(settings.archSeed());
        Predicate<Architecture> fits = SearchReward.budget(settings.search());
        List<Architecture> out = new ArrayList<>();
        for (int r = 0; r < settings.randomArchs(); r++) {
            Architecture a = null;
            for (int draw = 0; draw < MultiLevelSearch.MAX_REDRAWS && a == null; draw++) {
                int[] codes = new int[14];
                int k = 0;
                for (int stage = 0; stage < 3; stage++) {
                    for (int n : Controller.tokensOfStage(stage)) {
                        codes[k++] = rng.nextInt(n);
                    }
                }
                Architecture candidate = Architecture.of(codes);
                a = fits.test(candidate) ? candidate : null;
            }
            if (a == null) {
                throw new IllegalStateException("no random architecture within " + SearchReward.budgetText(
                        settings.search()) + " in " + MultiLevelSearch.MAX_REDRAWS + " draws: raise the budget");
            }
            out.add(a);
        }
        return out;
    }
}
