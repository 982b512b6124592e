// Every number of one search (spec 4-6) as one immutable record: a preset gives them all, a JSON
// --config file and `--set key=value` flags override any of them (SettingText), and the run directory
// keeps them as config.json (RecordJson; the same keys and order as ever). Keys use the original's
// argument names where it has one (max_search_iter, grow_step1, ctrl_step, num_candidate, topk,
// rl_num_eval_img, dynamic_reset_window, ...). validate() checks every value in one place, before
// anything is created: types, ranges, finiteness, sizes that fit in memory, and the stage schedule.
// lr, beta1, beta2 and ema_decay are the 32-bit floats the networks use, written as their shortest
// decimal (2.0E-4, not 1.9999999494757503E-4). search_method (rl, random), reward (is, fid, kid) and
// the size budget (size_measure, size_penalty, max_params) are SearchReward's (docs/search.md).
package org.autogan4j.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.autogan4j.data.Datasets;
import org.autogan4j.gan.GanConfig;
import org.autogan4j.io.Json;
import org.autogan4j.search.Controller;
import org.autogan4j.search.DynamicReset;
import org.autogan4j.search.MultiLevelSearch;

public record SearchSettings(String preset, String dataset, String data, int dataLimit, String device, long seed,
        int latentDim, int gfDim, int dfDim, int bottomWidth, int disBs, int genBs, int nCritic, float lr,
        float beta1, float beta2, float emaDecay, boolean emaWarmup, int maxSearchIter, int growStep1, int growStep2, int sharedSteps,
        int ctrlStep, int rlNumEvalImg, int evalBatch, int numCandidate, int topk, int hidSize, int isSplits,
        boolean dynamicReset, int dynamicResetWindow, double dynamicResetThreshold, boolean originalQuirks,
        int logEvery, int sampleImages, int keepCheckpoints, boolean tensorboard, String searchMethod, String reward,
        String sizeMeasure, double sizePenalty, long maxParams) {
    /** The presets, the first one the default. */
    public static final String[] PRESETS = {"fmnist", "paper-cifar10", "paper-stl10"};
    public static final String[] METHODS = {"rl", "random"};

    /** The preset called name: fmnist (small CPU search on Fashion-MNIST) or paper-cifar10 (spec 5's numbers). */
    public static SearchSettings preset(String name) {
        Map<String, Object> v = new LinkedHashMap<>();
        switch (name) {
            case "fmnist" -> {
                common(v, name, "fashion-mnist", GanConfig.fashionMnist());
                schedule(v, 9, 3, 6, 600, 20);
            }
            case "paper-cifar10" -> {
                common(v, name, "cifar10", GanConfig.cifarSearch());
                schedule(v, 65, 15, 35, 15 * 782, 30);
            }
            case "paper-stl10" -> {
                common(v, name, "stl10", GanConfig.cifarSearch().withSizes(3, 128, 128, 64, 6));
                schedule(v, 65, 15, 35, 15 * 1641, 30);
            }
            default -> throw new IllegalArgumentException("unknown preset \"" + name + "\"; the presets are "
                    + String.join(", ", PRESETS));
        }
        v.put("num_candidate", MultiLevelSearch.NUM_CANDIDATES);
        v.put("topk", MultiLevelSearch.TOP_K);
        v.put("hid_size", Controller.HIDDEN);
        v.put("is_splits", 10);
        v.put("dynamic_reset", true);
        v.put("dynamic_reset_window", DynamicReset.WINDOW);
        v.put("dynamic_reset_threshold", DynamicReset.THRESHOLD);
        v.put("original_quirks", false);
        v.put("log_every", 50);
        v.put("sample_images", 64);
        v.put("keep_checkpoints", 2);
        v.put("tensorboard", false);
        v.put("search_method", "rl");
        v.put("reward", SearchReward.IS);
        v.put("size_measure", SearchReward.PARAMS);
        v.put("size_penalty", 0.0);
        v.put("max_params", 0L);
        return RecordJson.read(SearchSettings.class, v);
    }

    private static void common(Map<String, Object> v, String preset, String dataset, GanConfig g) {
        v.put("preset", preset);
        v.put("dataset", dataset);
        v.put("data", "");
        v.put("data_limit", 0);
        v.put("device", "auto");
        v.put("seed", 12345L);
        v.put("latent_dim", g.latentDim());
        v.put("gf_dim", g.gfDim());
        v.put("df_dim", g.dfDim());
        v.put("bottom_width", g.bottomWidth());
        v.put("dis_bs", g.disBatchSize());
        v.put("gen_bs", g.genBatchSize());
        v.put("n_critic", g.nCritic());
        v.put("lr", g.lr());
        v.put("beta1", g.beta1());
        v.put("beta2", g.beta2());
        v.put("ema_decay", g.emaDecay());
        v.put("ema_warmup", g.emaWarmup());
    }

    private static void schedule(Map<String, Object> v, int iterations, int grow1, int grow2, int shared, int ctrl) {
        v.put("max_search_iter", iterations);
        v.put("grow_step1", grow1);
        v.put("grow_step2", grow2);
        v.put("shared_steps", shared);
        v.put("ctrl_step", ctrl);
        v.put("rl_num_eval_img", 5000);
        v.put("eval_batch", 100);
    }

    /** These settings with key set from text (parsed as the key's type). */
    public SearchSettings with(String key, String text) {
        return SettingText.with(this, key, text);
    }

    /** These settings with every key of a JSON object file applied (as with). */
    public SearchSettings withFile(Path file) throws IOException {
        return SettingText.withJson(this, object(file));
    }

    /** The settings a run saved as config.json: its preset, then every key of the file. */
    public static SearchSettings load(Path file) throws IOException {
        Map<?, ?> json = object(file);
        if (!(json.get("preset") instanceof String preset)) {
            throw new IllegalArgumentException(file + " is not a search config.json (no \"preset\")");
        }
        try {
            return preset(preset).withFile(file);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    private static Map<?, ?> object(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("the settings file " + file + " does not exist");
        }
        return Json.readObject(file).values();
    }

    /** Checks every value; throws naming the first bad one. Returns this. */
    public SearchSettings validate() {
        Datasets kind = Datasets.byName(dataset);
        SettingChecks.oneOf("preset", preset, PRESETS);
        DeviceChoice.check("device", device);
        SettingChecks.count("data_limit", dataLimit, 0, Integer.MAX_VALUE);
        SettingChecks.count("seed", seed, -SettingChecks.MAX_SEED, SettingChecks.MAX_SEED);
        SettingChecks.count("latent_dim", latentDim, 1, SettingChecks.MAX_WIDTH);
        SettingChecks.count("gf_dim", gfDim, 1, SettingChecks.MAX_WIDTH);
        SettingChecks.count("df_dim", dfDim, 1, SettingChecks.MAX_WIDTH);
        int side = kind.stageSize(0) / 2;
        if (bottomWidth != side) {
            throw new IllegalArgumentException("bottom_width = " + bottomWidth + " makes " + (bottomWidth * 2)
                    + " px images at stage 0, but " + kind.id() + " is searched at " + kind.stageSize(0) + "/"
                    + kind.stageSize(1) + "/" + kind.stageSize(2) + " px: use bottom_width " + side);
        }
        SettingChecks.count("dis_bs", disBs, 1, SettingChecks.MAX_BATCH);
        SettingChecks.count("gen_bs", genBs, 1, SettingChecks.MAX_BATCH);
        SettingChecks.activation("max(dis_bs, gen_bs) x max(gf_dim, df_dim) x side", Math.max(disBs, genBs),
                Math.max(gfDim, dfDim), kind.fullSize());
        SettingChecks.count("n_critic", nCritic, 1, SettingChecks.MAX_N_CRITIC);
        SettingChecks.floatNumber("lr", lr, 0, true, 1, false);
        SettingChecks.floatNumber("beta1", beta1, 0, false, 1, true);
        SettingChecks.floatNumber("beta2", beta2, 0, false, 1, true);
        SettingChecks.floatNumber("ema_decay", emaDecay, 0, false, 1, true);
        SettingChecks.count("max_search_iter", maxSearchIter, 3, SettingChecks.MAX_STEPS);
        if (!(growStep1 >= 1 && growStep1 < growStep2 && growStep2 < maxSearchIter)) {
            throw new IllegalArgumentException("need 1 <= grow_step1 < grow_step2 < max_search_iter, got " + growStep1
                    + ", " + growStep2 + ", " + maxSearchIter + " (every stage needs at least one iteration)");
        }
        SettingChecks.count("shared_steps", sharedSteps, 0, SettingChecks.MAX_STEPS);
        SettingChecks.count("ctrl_step", ctrlStep, 0, SettingChecks.MAX_STEPS);
        SettingChecks.count("num_candidate", numCandidate, 1, SettingChecks.MAX_CANDIDATES);
        SettingChecks.count("topk", topk, 1, numCandidate);
        SettingChecks.count("hid_size", hidSize, 1, SettingChecks.MAX_WIDTH);
        SettingChecks.count("is_splits", isSplits, 1, SettingChecks.MAX_IMAGES);
        SettingChecks.count("rl_num_eval_img", rlNumEvalImg, Math.max(2, isSplits), SettingChecks.MAX_IMAGES);
        SettingChecks.count("eval_batch", evalBatch, 1, SettingChecks.MAX_EVAL_BATCH);
        SettingChecks.count("dynamic_reset_window", dynamicResetWindow, 2, SettingChecks.MAX_WINDOW);
        SettingChecks.number("dynamic_reset_threshold", dynamicResetThreshold, 0, true, Double.MAX_VALUE, false);
        SettingChecks.count("log_every", logEvery, 1, SettingChecks.MAX_STEPS);
        SettingChecks.count("sample_images", sampleImages, 1, SettingChecks.MAX_SAMPLES);
        SettingChecks.count("keep_checkpoints", keepCheckpoints, 1, 1000);
        SettingChecks.oneOf("search_method", searchMethod, METHODS);
        SearchReward.check(this);
        return this;
    }

    public Datasets datasets() {
        return Datasets.byName(dataset);
    }

    /** The GAN sizes and optimiser settings (image channels from the dataset). */
    public GanConfig gan() {
        return new GanConfig(datasets().channels(), latentDim, gfDim, dfDim, bottomWidth, disBs, genBs, nCritic,
                lr, beta1, beta2, emaDecay, emaWarmup);
    }

    /** The dataset folder, or null for the dataset's default folder. */
    public Path dataFolder() {
        return data.isEmpty() ? null : Path.of(data);
    }

    /** The stage search iteration iter runs at. */
    public int stageOf(int iter) {
        return iter < growStep1 ? 0 : iter < growStep2 ? 1 : 2;
    }
}
