// Every number of one search (spec 4-6), as named settings: a preset gives them all, a JSON config
// file and `--set key=value` flags override any of them, and the run directory keeps the result as
// config.json. Keys use the original's argument names where it has one (max_search_iter, grow_step1,
// ctrl_step, num_candidate, topk, rl_num_eval_img, dynamic_reset_window, ...). A value keeps the type
// of the preset's value (integer, number, boolean or text); an unknown key or a value of the wrong
// type is refused with the list of keys. validate() checks the whole set before a run starts.
package org.autogan4j.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.autogan4j.data.Datasets;
import org.autogan4j.gan.GanConfig;
import org.autogan4j.io.Json;

public final class SearchConfig {
    /** The presets, the first one the default. */
    public static final String[] PRESETS = {"fmnist", "paper-cifar10"};

    private final Map<String, Object> values;

    private SearchConfig(Map<String, Object> values) {
        this.values = values;
    }

    /** The preset called name: fmnist (small CPU search on Fashion-MNIST) or paper-cifar10 (spec 5's numbers). */
    public static SearchConfig preset(String name) {
        Map<String, Object> v = new LinkedHashMap<>();
        switch (name) {
            case "fmnist":
                put(v, name, "fashion-mnist", GanConfig.fashionMnist());
                v.put("max_search_iter", 9L);
                v.put("grow_step1", 3L);
                v.put("grow_step2", 6L);
                v.put("shared_steps", 600L);
                v.put("ctrl_step", 20L);
                v.put("rl_num_eval_img", 5000L);
                v.put("eval_batch", 100L);
                break;
            case "paper-cifar10":
                put(v, name, "cifar10", GanConfig.cifarSearch());
                v.put("max_search_iter", 65L);
                v.put("grow_step1", 15L);
                v.put("grow_step2", 35L);
                v.put("shared_steps", 15L * 782);
                v.put("ctrl_step", 30L);
                v.put("rl_num_eval_img", 5000L);
                v.put("eval_batch", 100L);
                break;
            default:
                throw new IllegalArgumentException("unknown preset \"" + name + "\"; the presets are "
                        + String.join(", ", PRESETS));
        }
        v.put("num_candidate", (long) MultiLevelSearch.NUM_CANDIDATES);
        v.put("topk", (long) MultiLevelSearch.TOP_K);
        v.put("hid_size", (long) Controller.HIDDEN);
        v.put("is_splits", 10L);
        v.put("dynamic_reset", true);
        v.put("dynamic_reset_window", (long) DynamicReset.WINDOW);
        v.put("dynamic_reset_threshold", DynamicReset.THRESHOLD);
        v.put("original_quirks", false);
        v.put("log_every", 50L);
        v.put("sample_images", 64L);
        v.put("keep_checkpoints", 2L);
        return new SearchConfig(v);
    }

    private static void put(Map<String, Object> v, String preset, String dataset, GanConfig g) {
        v.put("preset", preset);
        v.put("dataset", dataset);
        v.put("data", "");
        v.put("data_limit", 0L);
        v.put("device", "auto");
        v.put("seed", 12345L);
        v.put("latent_dim", (long) g.latentDim());
        v.put("gf_dim", (long) g.gfDim());
        v.put("df_dim", (long) g.dfDim());
        v.put("bottom_width", (long) g.bottomWidth());
        v.put("dis_bs", (long) g.disBatchSize());
        v.put("gen_bs", (long) g.genBatchSize());
        v.put("n_critic", (long) g.nCritic());
        v.put("lr", (double) g.lr());
        v.put("beta1", (double) g.beta1());
        v.put("beta2", (double) g.beta2());
        v.put("ema_decay", (double) g.emaDecay());
    }

    /** This config with key set from text (parsed as the type the key holds). */
    public SearchConfig with(String key, String text) {
        Object old = values.get(key);
        if (old == null) {
            throw new IllegalArgumentException("unknown setting \"" + key + "\"; the settings are "
                    + String.join(", ", values.keySet()));
        }
        Object value;
        try {
            if (old instanceof Long) {
                value = Long.parseLong(text.trim());
            } else if (old instanceof Double) {
                value = Double.parseDouble(text.trim());
            } else if (old instanceof Boolean) {
                if (!text.equals("true") && !text.equals("false")) {
                    throw new NumberFormatException();
                }
                value = Boolean.parseBoolean(text);
            } else {
                value = text;
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting \"" + key + "\" needs " + typeName(old) + ", got \"" + text
                    + "\"");
        }
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(key, value);
        return new SearchConfig(copy);
    }

    /** This config with every key of a JSON object file applied (as with). */
    public SearchConfig withFile(Path file) throws IOException {
        Object parsed;
        try {
            parsed = Json.parse(Files.readString(file));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " is not valid JSON: " + e.getMessage(), e);
        }
        if (!(parsed instanceof Map)) {
            throw new IllegalArgumentException(file + " must hold one JSON object of settings");
        }
        SearchConfig out = this;
        for (Map.Entry<?, ?> e : ((Map<?, ?>) parsed).entrySet()) {
            out = out.with(String.valueOf(e.getKey()), String.valueOf(e.getValue()));
        }
        return out;
    }

    /** A config saved as config.json by a run (every key present). */
    public static SearchConfig load(Path file) throws IOException {
        Object parsed = Json.parse(Files.readString(file));
        if (!(parsed instanceof Map<?, ?> map) || !(map.get("preset") instanceof String preset)) {
            throw new IllegalArgumentException(file + " is not a search config.json (no \"preset\")");
        }
        return preset(preset).withFile(file);
    }

    private static String typeName(Object v) {
        return v instanceof Long ? "an integer" : v instanceof Double ? "a number" : v instanceof Boolean
                ? "true or false" : "text";
    }

    /** Checks every value; throws naming the first bad one. */
    public SearchConfig validate() {
        Datasets.byName(dataset());
        if (!device().equals("auto") && !device().equals("cpu") && !device().equals("cuda")) {
            throw new IllegalArgumentException("device must be auto, cpu or cuda, got \"" + device() + "\"");
        }
        gan();
        atLeast("max_search_iter", 1);
        atLeast("shared_steps", 0);
        atLeast("ctrl_step", 0);
        atLeast("num_candidate", 1);
        atLeast("topk", 1);
        atLeast("hid_size", 1);
        atLeast("is_splits", 1);
        atLeast("rl_num_eval_img", integer("is_splits"));
        atLeast("eval_batch", 1);
        atLeast("dynamic_reset_window", 2);
        atLeast("log_every", 1);
        atLeast("sample_images", 1);
        atLeast("keep_checkpoints", 1);
        atLeast("data_limit", 0);
        if (topK() > numCandidates()) {
            throw new IllegalArgumentException("topk (" + topK() + ") cannot exceed num_candidate (" + numCandidates()
                    + ")");
        }
        if (!(growStep1() >= 1 && growStep1() < growStep2() && growStep2() < maxSearchIter())) {
            throw new IllegalArgumentException("need 1 <= grow_step1 < grow_step2 < max_search_iter, got " + growStep1()
                    + ", " + growStep2() + ", " + maxSearchIter() + " (every stage needs at least one iteration)");
        }
        if (!(resetThreshold() > 0)) {
            throw new IllegalArgumentException("dynamic_reset_threshold is a variance and must be > 0");
        }
        return this;
    }

    private void atLeast(String key, long min) {
        if ((long) values.get(key) < min) {
            throw new IllegalArgumentException("setting \"" + key + "\" must be >= " + min + ", got " + values.get(key));
        }
    }

    private int integer(String key) {
        long v = (long) values.get(key);
        if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
            throw new IllegalArgumentException("setting \"" + key + "\" is out of range: " + v);
        }
        return (int) v;
    }

    private double number(String key) {
        return (double) values.get(key);
    }

    /** The GAN sizes and optimiser settings (image channels from the dataset). */
    public GanConfig gan() {
        return new GanConfig(Datasets.byName(dataset()).channels(), integer("latent_dim"), integer("gf_dim"),
                integer("df_dim"), integer("bottom_width"), integer("dis_bs"), integer("gen_bs"), integer("n_critic"),
                (float) number("lr"), (float) number("beta1"), (float) number("beta2"), (float) number("ema_decay"));
    }

    public String preset() {
        return (String) values.get("preset");
    }

    public String dataset() {
        return (String) values.get("dataset");
    }

    /** The dataset folder, or null for the dataset's default folder. */
    public Path dataFolder() {
        String d = (String) values.get("data");
        return d.isEmpty() ? null : Path.of(d);
    }

    /** Use only the first n training images (0 = all). */
    public int dataLimit() {
        return integer("data_limit");
    }

    public String device() {
        return (String) values.get("device");
    }

    public long seed() {
        return (long) values.get("seed");
    }

    public int maxSearchIter() {
        return integer("max_search_iter");
    }

    public int growStep1() {
        return integer("grow_step1");
    }

    public int growStep2() {
        return integer("grow_step2");
    }

    /** D steps of shared-GAN training per search iteration (the original: 15 epochs). */
    public int sharedSteps() {
        return integer("shared_steps");
    }

    public int ctrlSteps() {
        return integer("ctrl_step");
    }

    public int numCandidates() {
        return integer("num_candidate");
    }

    public int topK() {
        return integer("topk");
    }

    public int hidden() {
        return integer("hid_size");
    }

    public int rewardImages() {
        return integer("rl_num_eval_img");
    }

    public int evalBatch() {
        return integer("eval_batch");
    }

    public int isSplits() {
        return integer("is_splits");
    }

    public boolean dynamicReset() {
        return (boolean) values.get("dynamic_reset");
    }

    public int resetWindow() {
        return integer("dynamic_reset_window");
    }

    public double resetThreshold() {
        return number("dynamic_reset_threshold");
    }

    public boolean originalQuirks() {
        return (boolean) values.get("original_quirks");
    }

    /** D steps per `shared` row of metrics.csv. */
    public int logEvery() {
        return integer("log_every");
    }

    public int sampleImages() {
        return integer("sample_images");
    }

    /** Iteration checkpoints kept on disk (older ones are deleted). */
    public int keepCheckpoints() {
        return integer("keep_checkpoints");
    }

    /** The stage search iteration iter runs at. */
    public int stageOf(int iter) {
        return iter < growStep1() ? 0 : iter < growStep2() ? 1 : 2;
    }

    /** All settings, in order (for config.json and the report). */
    public Map<String, Object> values() {
        return Collections.unmodifiableMap(values);
    }

    public String toJson() {
        return Json.write(values);
    }
}
