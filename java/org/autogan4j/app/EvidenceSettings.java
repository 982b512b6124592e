// Every number of one `evidence` run as one immutable record: how many search seeds (each runs the rl
// search and the random search), how many uniformly random architectures, the G steps every candidate
// trains for from scratch (the same budget for all), the seed the random architectures are drawn from,
// the search's settings (SearchSettings, under "search"; its seed is the first search seed, the others
// follow it) and the template every candidate trains with (TrainSettings, under "train"; its arch is
// filled per candidate, its g_steps and eval_every follow train_steps so each is scored once, at the
// end). The fmnist preset gives them all; `--set KEY=VALUE` changes any by its dotted key; the run
// keeps them as config.json. validate() checks every value before anything is created.
package org.autogan4j.app;

import java.io.IOException;
import java.nio.file.Path;

import org.autogan4j.io.Json;

public record EvidenceSettings(String preset, int seeds, int randomArchs, long trainSteps, long archSeed,
        SearchSettings search, TrainSettings train) {
    /** Search seeds of the fmnist preset: each one runs both search methods. */
    static final int FMNIST_SEEDS = 3;
    /** Uniformly random architectures of the fmnist preset. */
    static final int FMNIST_RANDOM_ARCHS = 10;
    /** G steps every fmnist candidate trains (docs/evidence/README.md, "How long"). */
    static final long FMNIST_TRAIN_STEPS = 1000;
    /** Images of each candidate's one evaluation. */
    static final int FMNIST_EVAL_IMAGES = 2000;
    private static final String SOME_ARCH = "0,0,0,0,0,0,0,0,0,0,0,0,0,0";

    /** The preset called name (fmnist: the default search, then train with its fmnist numbers). */
    public static EvidenceSettings preset(String name) {
        if (!name.equals("fmnist")) {
            throw new IllegalArgumentException("--preset " + name + " is not an evidence preset; the presets are fmnist");
        }
        TrainSettings train = TrainSettings.preset("fmnist", null)
                .with("eval_images", String.valueOf(FMNIST_EVAL_IMAGES)).with("log_every", "50");
        return new EvidenceSettings(name, FMNIST_SEEDS, FMNIST_RANDOM_ARCHS, FMNIST_TRAIN_STEPS, 4242,
                SearchSettings.preset("fmnist"), train).with("train_steps", String.valueOf(FMNIST_TRAIN_STEPS));
    }

    /** These settings with key (a dotted config.json key) set from text; train_steps also sets the train budget. */
    public EvidenceSettings with(String key, String text) {
        EvidenceSettings out = SettingText.with(this, key, text);
        return key.equals("train_steps") ? SettingText.with(SettingText.with(out, "train.g_steps", text),
                "train.eval_every", text) : out;
    }

    /** The settings an evidence run saved as config.json. */
    static EvidenceSettings load(Path file) throws IOException {
        try {
            return RecordJson.read(EvidenceSettings.class, Json.readObject(file).values());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage() + " (it is not an evidence run's "
                    + "config.json, or it was edited)", e);
        }
    }

    /** Checks every value; throws naming the first bad one. Returns this. */
    public EvidenceSettings validate() {
        search.validate();
        trainSettings(SOME_ARCH).validate();
        SettingChecks.count("seeds", seeds, 1, 1000);
        SettingChecks.count("random_archs", randomArchs, 1, 10000);
        SettingChecks.count("train_steps", trainSteps, 1, SettingChecks.MAX_STEPS);
        SettingChecks.count("arch_seed", archSeed, -SettingChecks.MAX_SEED, SettingChecks.MAX_SEED);
        if (!search.searchMethod().equals("rl")) {
            throw new IllegalArgumentException("search.search_method = " + search.searchMethod() + " cannot be set: "
                    + "evidence runs both methods, rl and random, for every seed");
        }
        if (!search.dataset().equals(train.dataset())) {
            throw new IllegalArgumentException("search.dataset is " + search.dataset() + " but train.dataset is "
                    + train.dataset() + ": set both to the same dataset");
        }
        if (!train.arch().isEmpty()) {
            throw new IllegalArgumentException("train.arch = " + train.arch() + " cannot be set: each candidate trains "
                    + "its own architecture");
        }
        return this;
    }

    /** The search settings of method (rl, random) for search seed number index (0-based). */
    SearchSettings searchSettings(String method, int index) {
        return search.with("search_method", method).with("seed", String.valueOf(search.seed() + index));
    }

    /** The train settings of a candidate of architecture arch, for train_steps G steps, scored at the end. */
    TrainSettings trainSettings(String arch) {
        return train.with("arch", arch).with("g_steps", String.valueOf(trainSteps))
                .with("eval_every", String.valueOf(trainSteps))
                .with("data", train.data().isEmpty() ? search.data() : train.data());
    }

    /** These settings with both jobs on device. */
    EvidenceSettings onDevice(String device) {
        return with("search.device", device).with("train.device", device);
    }
}
