// The runs of one locked evidence directory, in a fixed order: for each search seed the rl search and
// its top-1 trained from scratch, then the random search and its top-1; then each uniformly random
// architecture trained from scratch. Every train run has the same budget and settings (train_steps G
// steps, one evaluation at the end), so the methods differ only in the architecture they give. A
// candidate is done when its result is in results/ (EvidenceResults), whether or not the search and
// training behind it are still there; --only limits a call to the named runs. Inside a run, a search is
// done when its topk.json exists and a training at its train_steps checkpoint; one that stopped with a
// checkpoint is resumed, one that stopped before its first is begun again; so a killed evidence run
// repeats at most the unfinished run. Each run prints a progress line.
package org.autogan4j.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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

    /** Every candidate with a result, in run order, and the names of the runs without one (left out by --only). */
    record Progress(List<Candidate> candidates, List<String> missing) {
    }

    private final EvidenceSettings settings;
    private final EvidenceResults results;
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
        this.results = new EvidenceResults(folder.root(), settings);
        this.folder = folder;
        this.device = device;
        this.inceptionWeights = inceptionWeights;
        this.log = log;
        this.stopAfter = stopAfter;
    }

    /** The name of every run of settings, in run order: rl-seed-1, random-seed-1, ..., arch-1, ... */
    static List<String> names(EvidenceSettings settings) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < settings.seeds(); i++) {
            out.add(searchRun(RL, i));
            out.add(searchRun(RANDOM, i));
        }
        for (int r = 0; r < settings.randomArchs(); r++) {
            out.add(archRun(r));
        }
        return out;
    }

    /** The name of the run of method's search for search seed number index (0-based): rl-seed-1. */
    private static String searchRun(String method, int index) {
        return method + "-seed-" + (index + 1);
    }

    /** The name of the run of random architecture number index (0-based): arch-1. */
    static String archRun(int index) {
        return "arch-" + (index + 1);
    }

    /** Runs what has no result yet (of only, when it is not null); null when stopped at stopAfter. */
    Progress run(Set<String> only) throws Exception {
        List<Candidate> out = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < settings.seeds(); i++) {
            for (String method : new String[] {RL, RANDOM}) {
                String name = searchRun(method, i);
                long seed = settings.searchSettings(method, i).seed();
                Candidate c = results.read(name, method, i + 1, seed);
                if (c == null && only != null && !only.contains(name)) {
                    missing.add(name);
                    continue;
                }
                if (c == null) {
                    Path search = search(name, method, i);
                    c = search == null ? null : train(name, method, i + 1, seed, search.toAbsolutePath() + ":1");
                    if (c == null) {
                        return null;
                    }
                }
                out.add(c);
            }
        }
        List<Architecture> archs = randomArchitectures(settings);
        for (int r = 0; r < archs.size(); r++) {
            String name = archRun(r);
            Candidate c = results.read(name, RANDOM_ARCH, r + 1, null);
            if (c == null && only != null && !only.contains(name)) {
                missing.add(name);
                continue;
            }
            if (c == null) {
                c = train(name, RANDOM_ARCH, r + 1, null, archs.get(r).toString());
                if (c == null) {
                    return null;
                }
            }
            out.add(c);
        }
        return new Progress(out, missing);
    }

    private boolean stop() {
        done++;
        return stopAfter >= 0 && done >= stopAfter;
    }

    private void line(String name, String what, Path dir) {
        List<String> all = names(settings);
        log.info(String.format(Locale.ROOT, "[evidence] %s, candidate %d of %d: %s into %s", name, all.indexOf(name) + 1,
                all.size(), what, dir));
    }

    private Path search(String name, String method, int index) throws Exception {
        SearchSettings s = settings.searchSettings(method, index);
        Path dir = folder.resolve("search").resolve(name);
        line(name, method + " search, seed " + s.seed(), dir);
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

    private Candidate train(String name, String method, int number, Long searchSeed, String arch) throws Exception {
        Path dir = folder.resolve("train").resolve(name);
        line(name, "training " + settings.trainSteps() + " G steps", dir);
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
        results.write(name, c);
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
