// One AutoGAN search (spec 4-6) in a run directory. Each iteration: grow the search at grow_step1/2
// (the old controller's top-K by IS become the parents of a new controller for the next cell; G and D
// are kept), train the shared GAN for shared_steps D steps with a fresh controller sample per D step
// (stopped early by a dynamic reset), train the controller for ctrl_step REINFORCE steps with the IS of
// each sample as reward, re-create G, D and their Adams if a reset fired, write a sample grid, metrics
// rows (and --tensorboard events) and a checkpoint. Then the final top-K (stage 2) is drawn and scored
// (SearchFinal) into topk.json. Every random stream is counter-based and checkpointed, so a resumed run
// continues exactly as an uninterrupted one on the same device. The reward and size budget are
// SearchReward's; search_method random draws uniform architectures on the same schedule and learns nothing.
package org.autogan4j.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.ToDoubleFunction;

import org.autogan4j.data.BatchLoader;
import org.autogan4j.data.Dataset;
import org.autogan4j.data.EndlessBatches;
import org.autogan4j.gan.Architecture;
import org.autogan4j.gan.GanConfig;
import org.autogan4j.gan.GanTrainer;
import org.autogan4j.io.Checkpoint;
import org.autogan4j.io.ImageGrid;
import org.autogan4j.metrics.Scorer;
import org.autogan4j.nn.Rng;
import org.autogan4j.report.TrainCommand;
import org.autogan4j.search.Candidate;
import org.autogan4j.search.CounterRng;
import org.autogan4j.search.DynamicReset;
import org.autogan4j.search.MultiLevelSearch;
import org.autogan4j.search.Reinforce;
import org.autogan4j.search.SharedGan;
import org.autogan4j.tensor.Device;

final class SearchRun implements AutoCloseable {
    /** Settings a resumed run may change: they shape no state. */
    static final Set<String> MAY_DIFFER = Set.of("device", "keep_checkpoints", "log_every", "sample_images", "tensorboard");

    private final SearchSettings config;
    private final GanConfig gan;
    private final SearchRunDirectory dir;
    private final Device device;
    private final Scorer scorer;
    private final Dataset fullData;
    private final Rng rewardRng;
    private final SearchReward reward;
    private final CounterRng ctrlRng;
    private final SharedGan shared;
    private final DynamicReset reset;
    private final long startNs = System.nanoTime();
    private final Log out;
    private SearchProgress progress;
    private SearchEvents log;
    private double elapsedBefore;
    private MultiLevelSearch mlas;
    private EndlessBatches data;
    private int dataStage = -1;
    private int nextIteration;

    private SearchRun(SearchSettings config, SearchRunDirectory dir, Device device, Scorer scorer, Dataset fullData,
            Log out) {
        this.config = config;
        this.gan = config.gan();
        this.dir = dir;
        this.device = device;
        this.scorer = scorer;
        this.fullData = fullData;
        this.out = out;
        long seed = config.seed();
        this.rewardRng = new Rng(seed + 2);
        this.ctrlRng = new CounterRng(seed + 3);
        this.shared = new SharedGan(gan, device, new Rng(seed, 0), new Rng(seed + 1, 0));
        this.reset = new DynamicReset(config.dynamicResetWindow(), config.dynamicResetThreshold());
        this.reward = new SearchReward(config, shared, scorer, fullData, rewardRng);
        this.mlas = sampling(new MultiLevelSearch(ctrlRng, config.hidSize(), config.numCandidate(), config.topk(),
                config.originalQuirks(), 0, List.of()));
    }

    /** A new search in dir (its full-size training images fullData); scorer gives the rewards; messages to out. */
    static SearchRun start(SearchSettings config, SearchRunDirectory dir, Device device, Scorer scorer,
            Dataset fullData, Log out) throws IOException {
        SearchRun run = new SearchRun(config, dir, device, scorer, fullData, out);
        run.log = new SearchEvents(MetricsLog.create(dir.metrics(), SearchReward.kind(config)), TensorBoardLog.open(dir.root(),
                config.tensorboard()), config);
        run.progress = new SearchProgress(config, out, 0);
        return run;
    }

    /** The search of dir continued from its newest checkpoint that fits config (see RunCheckpoints). */
    static SearchRun resume(SearchSettings config, SearchRunDirectory dir, Device device, Scorer scorer,
            Dataset fullData, Log out) throws IOException {
        SearchRun run = new SearchRun(config, dir, device, scorer, fullData, out);
        try {
            RunCheckpoints.Restored<SearchState> r = dir.checkpoints().restoreNewest(SearchState.class, config,
                    MAY_DIFFER, run::restore, out);
            SearchState s = r.state();
            run.log = new SearchEvents(MetricsLog.resume(dir.metrics(), s.metricsLength(),
                    SearchReward.kind(config)),
                    TensorBoardLog.open(dir.root(), config.tensorboard()), config);
            run.elapsedBefore = s.elapsedS();
            run.nextIteration = s.iteration() + 1;
            run.progress = new SearchProgress(config, out, run.nextIteration);
            out.info("resuming " + dir.root() + " after iteration " + s.iteration() + " ("
                    + dir.checkpoints().file(r.number()).getFileName() + ")");
        } catch (IOException | RuntimeException e) {
            run.close();
            throw e;
        }
        return run;
    }

    private void restore(Path file, SearchState s) throws IOException {
        Path metrics = dir.metrics();
        long length = Files.isRegularFile(metrics) ? Files.size(metrics) : -1;
        if (length < s.metricsLength()) {
            throw new IllegalArgumentException(metrics + " is missing or shorter (" + Math.max(0, length)
                    + " bytes) than the checkpoint recorded (" + s.metricsLength() + " bytes)");
        }
        mlas = sampling(MultiLevelSearch.restore(s.mlas(), ctrlRng, config.hidSize(), config.numCandidate(),
                config.topk(), config.originalQuirks()));
        Checkpoint.readInto(file, shared.restore(s.gan()));
        shared.initRng().restoreOffset(s.rng().init());
        shared.zRng().restoreOffset(s.rng().z());
        rewardRng.restoreOffset(s.rng().reward());
        ctrlRng.restoreCounter(s.rng().ctrl());
        reset.dLoss().restore(s.reset().d());
        reset.gLoss().restore(s.reset().g());
        if (s.data().stage() >= 0) {
            openData(s.data().stage(), s.data().epoch(), s.data().batch());
        }
    }

    /** Runs the remaining iterations, the final selection and its outputs; returns topk.json's entries. */
    List<SearchRunDirectory.Ranked> run() throws IOException {
        runIterations(config.maxSearchIter());
        List<Candidate> top = mlas.finalTopK(counted(2, progress::finalRewards));
        for (Candidate c : top) {
            log.finalEntry(elapsed(), config.maxSearchIter() - 1, c);
        }
        List<SearchRunDirectory.Ranked> ranked = SearchFinal.outputs(top, config, shared, scorer, fullData, dir,
                progress, log.board(), out);
        dir.writeTopK(ranked, SearchReward.kind(config), TrainCommand.of(dir.root(), RecordJson.write(config)));
        dir.writeReport();
        progress.finish();
        return ranked;
    }

    /** Runs the iterations before end that are not done yet (end < max_search_iter stops early, as a kill would). */
    void runIterations(int end) throws IOException {
        for (; nextIteration < end; nextIteration++) {
            iteration(nextIteration);
        }
    }

    private void iteration(int iter) throws IOException {
        int stage = config.stageOf(iter);
        if (stage > mlas.stage()) {
            int old = mlas.stage();
            List<Candidate> parents = mlas.grow(counted(old, (done, total) -> progress.growth(iter, done, total)));
            log.grow(elapsed(), iter, old, parents);
            out.info("iteration " + iter + ": grew to stage " + stage + "; parents " + parents);
        }
        if (dataStage != stage) {
            openData(stage, 0, 0);
        }
        boolean fired = trainShared(iter, stage);
        double meanReward = trainController(iter, stage);
        ImageGrid.Encoded samples = dir.writeSamples(iter, shared.generator(), gan.latentDim(), config);
        if (fired) {
            shared.reset();
            out.info("iteration " + iter + ": dynamic reset (loss variance under "
                    + config.dynamicResetThreshold() + "): G, D and their optimisers re-created");
        }
        log.iteration(elapsed(), iter, stage, shared.trainer().dSteps(), meanReward, samples);
        SearchState state = new SearchState(iter, elapsed(), log.length(), new SearchState.Rngs(shared.initRng().offset(),
                shared.zRng().offset(), rewardRng.offset(), ctrlRng.counter()),
                new SearchState.Data(dataStage, data.epoch(), data.batch()), shared.counters(),
                new SearchState.Windows(reset.dLoss().values(), reset.gLoss().values()), mlas.state());
        dir.checkpoints().save(iter, shared.tensors(), config, state, config.keepCheckpoints());
        dir.writeReport();
    }

    private void openData(int stage, long epoch, int batch) {
        Dataset d = fullData.resized(config.datasets().stageSize(stage));
        if (data != null) {
            data.close();
        }
        data = new EndlessBatches(new BatchLoader(d, gan.disBatchSize(), config.seed() + 1000L * (stage + 1), device),
                epoch, batch);
        dataStage = stage;
    }

    /** train_shared: returns whether a dynamic reset fired. */
    private boolean trainShared(int iter, int stage) throws IOException {
        GanTrainer trainer = shared.trainer();
        double dSum = 0;
        double gSum = 0;
        int dCount = 0;
        int gCount = 0;
        for (int step = 0; step < config.sharedSteps(); step++) {
            MultiLevelSearch.Draw draw = mlas.sample();
            shared.setArch(draw.architecture(), stage);
            GanTrainer.StepResult r = trainer.step(data.next());
            dSum += r.dLoss();
            dCount++;
            if (!Float.isNaN(r.gLoss())) {
                gSum += r.gLoss();
                gCount++;
            }
            boolean fired = config.dynamicReset() && afterStep(r);
            if (dCount == config.logEvery() || fired || step == config.sharedSteps() - 1) {
                log.shared(elapsed(), iter, stage, trainer.dSteps(), dSum / dCount, gCount == 0 ? Double.NaN
                        : gSum / gCount);
                dSum = 0;
                gSum = 0;
                dCount = 0;
                gCount = 0;
            }
            if (fired) {
                log.reset(elapsed(), iter, stage, trainer.dSteps());
                return true;
            }
            progress.shared(iter, step + 1, config.sharedSteps());
        }
        return false;
    }

    private boolean afterStep(GanTrainer.StepResult r) {
        if (!Float.isNaN(r.gLoss())) {
            reset.afterGStep(r.gLoss());
        }
        return reset.afterDStep(r.dLoss());
    }

    /** train_controller: returns the mean reward of its steps (NaN when ctrl_step is 0). */
    private double trainController(int iter, int stage) throws IOException {
        Reinforce reinforce = mlas.reinforce();
        reinforce.beginIteration();
        double sum = 0;
        for (int step = 0; step < config.ctrlStep(); step++) {
            MultiLevelSearch.Draw draw = mlas.sample();
            double is = reward.of(draw.architecture(), stage);
            boolean learns = !mlas.uniform();
            Reinforce.Loss loss = learns ? reinforce.step(draw.sample(), is) : null;
            double entropy = learns ? 0 : MultiLevelSearch.uniformEntropy(stage);
            for (double h : learns ? draw.sample().entropies() : new double[0]) {
                entropy += h;
            }
            log.controller(elapsed(), iter, stage, step, shared.trainer().dSteps(), is,
                    reinforce.baseline() == null ? null : reinforce.baseline()[0], entropy, draw.architecture());
            progress.controller(iter, step + 1, config.ctrlStep());
            sum += is;
            if (learns && Double.isNaN(loss.value())) {
                throw new IllegalStateException("the controller loss became NaN at iteration " + iter + " (reward " + is
                        + "): the shared GAN diverged; start a new run with a lower lr");
            }
        }
        return config.ctrlStep() == 0 ? Double.NaN : sum / config.ctrlStep();
    }

    /** mlas drawing as search_method says (the controller, or uniform for random) within the budget. */
    private MultiLevelSearch sampling(MultiLevelSearch m) {
        return m.sampling(config.searchMethod().equals("random"), SearchReward.budget(config),
                SearchReward.budgetText(config));
    }

    /** The reward at stage, each call reported as (candidates scored, num_candidate). */
    private ToDoubleFunction<Architecture> counted(int stage, BiConsumer<Integer, Integer> report) {
        int[] scored = {0};
        return arch -> {
            double r = reward.of(arch, stage);
            report.accept(++scored[0], config.numCandidate());
            return r;
        };
    }

    /** Seconds of search so far, the time before a resume included. */
    double elapsed() {
        return elapsedBefore + (System.nanoTime() - startNs) / 1e9;
    }

    @Override
    public void close() throws IOException {
        try {
            if (data != null) {
                data.close();
            }
            if (log != null) {
                log.close();
            }
            shared.close();
        } finally {
            dir.close();
        }
    }
}
