// One AutoGAN search (spec 4-6) in a run directory. Each search iteration: grow the search at
// grow_step1/2 (the old controller's top-K by IS become the parents of a new controller for the next
// cell; G and D are kept), train the shared GAN for shared_steps D steps with a fresh controller
// sample per D step (stopped early by a dynamic reset), train the controller for ctrl_step REINFORCE
// steps with the IS of each sample as reward, re-create G, D and their Adams if a reset fired, write a
// sample grid, a metrics row and a checkpoint. After the last iteration the final top-K (stage 2) go to
// topk.json. Every random stream is counter-based and checkpointed, so a run resumed from a
// checkpoint continues exactly as an uninterrupted one on the same device.
package org.autogan4j.search;

import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.autogan4j.data.BatchLoader;
import org.autogan4j.data.Dataset;
import org.autogan4j.data.Datasets;
import org.autogan4j.data.EndlessBatches;
import org.autogan4j.gan.Architecture;
import org.autogan4j.gan.GanConfig;
import org.autogan4j.gan.GanTrainer;
import org.autogan4j.metrics.GeneratorScoring;
import org.autogan4j.metrics.Scorer;
import org.autogan4j.nn.Rng;
import org.autogan4j.tensor.Device;

public final class SearchRun implements AutoCloseable {
    private final SearchConfig config;
    private final GanConfig gan;
    private final RunDirectory dir;
    private final Device device;
    private final Scorer scorer;
    private final Dataset fullData;
    private final SearchProgress progress;
    private final Rng rewardRng;
    private final CounterRng ctrlRng;
    private final SharedGan shared;
    private final DynamicReset reset;
    private final MetricsLog log;
    private final double elapsedBefore;
    private final long startNs = System.nanoTime();
    private MultiLevelSearch mlas;
    private EndlessBatches data;
    private int dataStage = -1;
    private int nextIteration;

    /**
     * A new search (saved == null) or one resumed from a checkpoint of dir. scorer gives the rewards;
     * progress and messages go to out.
     */
    SearchRun(SearchConfig config, RunDirectory dir, Device device, Scorer scorer, RunDirectory.Saved saved,
            PrintStream out, boolean terminal) throws IOException {
        this.config = config;
        this.gan = config.gan();
        this.dir = dir;
        this.device = device;
        this.scorer = scorer;
        Datasets kind = Datasets.byName(config.dataset());
        for (int s = 0; s < 3; s++) {
            if (gan.resolution(s) != kind.stageSize(s)) {
                throw new IllegalArgumentException("bottom_width " + gan.bottomWidth() + " makes " + gan.resolution(s)
                        + " px images at stage " + s + ", but " + kind.id() + " is searched at " + kind.stageSize(s)
                        + " px: use bottom_width " + kind.stageSize(0) / 2);
            }
        }
        if (scorer.channels() != gan.imgChannels()) {
            throw new IllegalArgumentException("the scorer " + scorer.name() + " takes " + scorer.channels()
                    + "-channel images; " + kind.id() + " has " + gan.imgChannels());
        }
        Dataset full = kind.load(config.dataFolder(), kind.fullSize());
        this.fullData = config.dataLimit() > 0 ? full.head(config.dataLimit()) : full;
        long seed = config.seed();
        Map<String, Object> state = saved == null ? null : saved.sidecar();
        Map<?, ?> rng = state == null ? Map.of() : (Map<?, ?>) state.get("rng");
        this.rewardRng = new Rng(seed + 2, number(rng, "reward"));
        this.ctrlRng = new CounterRng(seed + 3);
        this.shared = new SharedGan(gan, device, new Rng(seed, 0), new Rng(seed + 1, number(rng, "z")));
        this.reset = new DynamicReset(config.resetWindow(), config.resetThreshold());
        if (state == null) {
            this.mlas = new MultiLevelSearch(ctrlRng, config.hidden(), config.numCandidates(), config.topK(),
                    config.originalQuirks(), 0, List.of());
            this.log = MetricsLog.create(dir.metrics());
            this.elapsedBefore = 0;
            this.nextIteration = 0;
        } else {
            this.mlas = ControllerState.restore((Map<?, ?>) state.get("mlas"), ctrlRng, config.hidden(),
                    config.numCandidates(), config.topK(), config.originalQuirks());
            shared.restore(saved.tensors(), (Map<String, Object>) cast(state.get("gan")));
            shared.initRng().restoreOffset(number(rng, "init"));
            Map<?, ?> windows = (Map<?, ?>) state.get("reset");
            reset.dLoss().restore(ControllerState.doubles(windows.get("d")));
            reset.gLoss().restore(ControllerState.doubles(windows.get("g")));
            Map<?, ?> d = (Map<?, ?>) state.get("data");
            int stage = ((Number) d.get("stage")).intValue();
            if (stage >= 0) {
                openData(stage, number(d, "epoch"), ((Number) d.get("batch")).intValue());
            }
            this.log = MetricsLog.resume(dir.metrics(), number(state, "metrics_length"));
            this.elapsedBefore = ((Number) state.get("elapsed_s")).doubleValue();
            this.nextIteration = ((Number) state.get("iteration")).intValue() + 1;
        }
        if (state != null) {
            ctrlRng.restoreCounter(number(rng, "ctrl"));
        }
        this.progress = new SearchProgress(config, out, terminal, nextIteration);
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) {
        return (T) o;
    }

    private static long number(Map<?, ?> map, String key) {
        Object v = map.get(key);
        return v == null ? 0 : ((Number) v).longValue();
    }

    /** Runs the remaining iterations and the final selection; returns the final top-K. */
    public List<Candidate> run() throws IOException {
        runIterations(config.maxSearchIter());
        progress.update(config.maxSearchIter(), 0, "final top-K");
        List<Candidate> top = mlas.finalTopK(arch -> reward(arch, 2));
        for (Candidate c : top) {
            log.row(elapsed(), config.maxSearchIter() - 1, 2, "final", null, null, null, c.reward(), null, null,
                    c.architecture());
        }
        dir.writeTopK(top);
        dir.writeReport();
        progress.finish();
        progress.message("search finished in " + SearchProgress.time(elapsed()) + "; top-1 " + top.get(0)
                + "; results in " + dir.root());
        return top;
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
            progress.update(iter, 0, "growing to stage " + stage);
            List<Candidate> parents = mlas.grow(arch -> reward(arch, old));
            for (Candidate c : parents) {
                log.row(elapsed(), iter, old, "grow", null, null, null, c.reward(), null, null, c.architecture());
            }
            progress.message("iteration " + iter + ": grew to stage " + stage + "; parents " + parents);
        }
        if (dataStage != stage) {
            openData(stage, 0, 0);
        }
        boolean fired = trainShared(iter, stage);
        double meanReward = trainController(iter, stage);
        dir.writeSamples(iter, shared.generator(), gan, config);
        if (fired) {
            shared.reset();
            progress.message("iteration " + iter + ": dynamic reset (loss variance under "
                    + config.resetThreshold() + "): G, D and their optimisers re-created");
        }
        log.row(elapsed(), iter, stage, "iteration", shared.trainer().dSteps(), null, null, meanReward, null, null, null);
        saveCheckpoint(iter);
        dir.writeReport();
    }

    private void openData(int stage, long epoch, int batch) {
        Dataset d = fullData.resized(Datasets.byName(config.dataset()).stageSize(stage));
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
                log.row(elapsed(), iter, stage, "shared", trainer.dSteps(), dSum / dCount,
                        gCount == 0 ? Double.NaN : gSum / gCount, null, null, null, null);
                dSum = 0;
                gSum = 0;
                dCount = 0;
                gCount = 0;
            }
            if (fired) {
                log.row(elapsed(), iter, stage, "reset", trainer.dSteps(), null, null, null, null, null, null);
                return true;
            }
            progress.update(iter, 0.5 * (step + 1) / config.sharedSteps(), "shared " + (step + 1) + "/"
                    + config.sharedSteps());
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
        for (int step = 0; step < config.ctrlSteps(); step++) {
            progress.update(iter, 0.5 + 0.5 * step / config.ctrlSteps(), "controller " + (step + 1) + "/"
                    + config.ctrlSteps());
            MultiLevelSearch.Draw draw = mlas.sample();
            double is = reward(draw.architecture(), stage);
            Reinforce.Loss loss = reinforce.step(draw.sample(), is);
            double entropy = 0;
            for (double h : draw.sample().entropies()) {
                entropy += h;
            }
            log.row(elapsed(), iter, stage, "controller", shared.trainer().dSteps(), null, null, is,
                    reinforce.baseline() == null ? null : reinforce.baseline()[0], entropy, draw.architecture());
            sum += is;
            if (Double.isNaN(loss.value())) {
                throw new IllegalStateException("the controller loss became NaN at iteration " + iter + " (reward " + is
                        + "): the shared GAN diverged");
            }
        }
        return config.ctrlSteps() == 0 ? Double.NaN : sum / config.ctrlSteps();
    }

    /** The reward of arch at stage: IS of rl_num_eval_img images of the shared G (eval mode). */
    private double reward(Architecture arch, int stage) {
        shared.setArch(arch, stage);
        return GeneratorScoring.score(shared.generator(), gan.latentDim(), scorer, config.rewardImages(),
                config.evalBatch(), config.isSplits(), rewardRng, false, GeneratorScoring.Progress.NONE)
                .inceptionScore().mean();
    }

    private double elapsed() {
        return elapsedBefore + (System.nanoTime() - startNs) / 1e9;
    }

    private void saveCheckpoint(int iter) throws IOException {
        Map<String, Object> sidecar = new LinkedHashMap<>();
        sidecar.put("format", RunDirectory.FORMAT);
        sidecar.put("iteration", iter);
        sidecar.put("elapsed_s", elapsed());
        sidecar.put("metrics_length", log.length());
        Map<String, Object> rng = new LinkedHashMap<>();
        rng.put("init", shared.initRng().offset());
        rng.put("z", shared.zRng().offset());
        rng.put("reward", rewardRng.offset());
        rng.put("ctrl", ctrlRng.counter());
        sidecar.put("rng", rng);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("stage", dataStage);
        d.put("epoch", data.epoch());
        d.put("batch", data.batch());
        sidecar.put("data", d);
        sidecar.put("gan", shared.counters());
        Map<String, Object> windows = new LinkedHashMap<>();
        windows.put("d", reset.dLoss().values());
        windows.put("g", reset.gLoss().values());
        sidecar.put("reset", windows);
        sidecar.put("mlas", ControllerState.save(mlas));
        dir.saveCheckpoint(iter, shared.state(), sidecar, config.keepCheckpoints());
    }

    @Override
    public void close() throws IOException {
        if (data != null) {
            data.close();
        }
        log.close();
        shared.close();
    }
}
