// Every number of one `pipeline` run as one immutable record: the search's settings (SearchSettings,
// under "search"), the template every candidate trains with (TrainSettings, under "train"; its arch is
// filled per candidate and its g_steps is the screening budget), how many of the search's final top-K
// are screened, the winner's full budget in G steps and how many images its final score takes. The preset (fmnist) gives them all, `--set
// KEY=VALUE` changes any by its dotted key (search.max_search_iter, train.config.gf_dim, candidates);
// the pipeline directory keeps them as config.json (RecordJson). validate() checks every value before
// anything is created.
package org.autogan4j.app;

import java.io.IOException;
import java.nio.file.Path;

import org.autogan4j.io.Json;

public record PipelineSettings(String preset, int candidates, long screeningSteps, long finalSteps,
        int finalEvalImages, SearchSettings search, TrainSettings train) {
    /** Candidates of the fmnist preset: the search's top 3. */
    static final int FMNIST_CANDIDATES = 3;
    /** G steps each fmnist candidate trains for before the winner is picked (docs/pipeline.md, "Budgets"). */
    static final long FMNIST_SCREENING = 400;
    /** G steps the fmnist winner reaches in total. */
    static final long FMNIST_FINAL = 3300;
    /** Images of the fmnist winner's final score: as many as the test set the scorer's ceilings were measured on. */
    static final int FMNIST_FINAL_EVAL_IMAGES = 10000;
    /** G steps between evaluations of every fmnist train run. */
    static final long FMNIST_EVAL_EVERY = 200;
    /** Images per fmnist evaluation: the figures docs/training.md reports were scored on 2000. */
    static final int FMNIST_EVAL_IMAGES = 2000;
    /** Stands for the candidate's architecture while the template is checked. */
    private static final String SOME_ARCH = "0,0,0,0,0,0,0,0,0,0,0,0,0,0";

    /** The preset called name (fmnist: the default search, then train with TrainSettings' fmnist numbers). */
    public static PipelineSettings preset(String name) {
        if (!name.equals("fmnist")) {
            throw new IllegalArgumentException("--preset " + name + " is not a pipeline preset; the presets are fmnist");
        }
        TrainSettings train = TrainSettings.preset("fmnist", null).with("g_steps", String.valueOf(FMNIST_SCREENING))
                .with("eval_every", String.valueOf(FMNIST_EVAL_EVERY))
                .with("eval_images", String.valueOf(FMNIST_EVAL_IMAGES)).with("log_every", "50");
        return new PipelineSettings(name, FMNIST_CANDIDATES, FMNIST_SCREENING, FMNIST_FINAL,
                FMNIST_FINAL_EVAL_IMAGES, SearchSettings.preset("fmnist"), train);
    }

    /** These settings with key (a dotted config.json key) set from text. */
    public PipelineSettings with(String key, String text) {
        PipelineSettings out = SettingText.with(this, key, text);
        return key.equals("screening_steps") ? SettingText.with(out, "train.g_steps", text) : out;
    }

    /** The settings a pipeline saved as config.json. */
    static PipelineSettings load(Path file) throws IOException {
        try {
            return RecordJson.read(PipelineSettings.class, Json.readObject(file).values());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage() + " (it is not a pipeline's config.json, "
                    + "or it was edited)", e);
        }
    }

    /** Checks every value; throws naming the first bad one. Returns this. */
    public PipelineSettings validate() {
        search.validate();
        trainSettings(SOME_ARCH).validate();
        SettingChecks.count("candidates", candidates, 1, search.topk());
        SettingChecks.count("screening_steps", screeningSteps, 1, SettingChecks.MAX_STEPS);
        SettingChecks.count("final_steps", finalSteps, screeningSteps, SettingChecks.MAX_STEPS);
        SettingChecks.count("final_eval_images", finalEvalImages, Math.max(2, train.splits()), SettingChecks.MAX_IMAGES);
        if (!search.dataset().equals(train.dataset())) {
            throw new IllegalArgumentException("search.dataset is " + search.dataset() + " but train.dataset is "
                    + train.dataset() + ": set both to the same dataset");
        }
        if (!train.arch().isEmpty()) {
            throw new IllegalArgumentException("train.arch = " + train.arch() + " cannot be set: each candidate trains "
                    + "an architecture of the search's top-K; use `autogan4j train --arch` for one architecture");
        }
        return this;
    }

    /** The train settings of the candidate trained from arch for the screening budget. */
    TrainSettings trainSettings(String arch) {
        return train.with("arch", arch).with("g_steps", String.valueOf(screeningSteps))
                .with("data", train.data().isEmpty() ? search.data() : train.data());
    }

    /** These settings with both jobs on device. */
    PipelineSettings onDevice(String device) {
        return with("search.device", device).with("train.device", device);
    }
}
