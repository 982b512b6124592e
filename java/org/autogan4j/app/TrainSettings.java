// Every number of one `train` run (spec 3 and 7) as one immutable record: a preset (fmnist: the
// small Fashion-MNIST GAN, minutes on a CPU; paper-cifar10: GanConfig.cifarDerived() on CIFAR-10,
// 50,000 G steps, evaluation every 20 epochs on 50,000 images; paper-stl10: the same on STL-10 at
// 48x48, bottom width 6) gives them all, the train flags
// override them (with(), by config.json key), and the run keeps them as config.json (RecordJson).
// Zero / empty stand for "the default" until the job resolves them against the data: train_images 0 =
// all, eval_every 0 = the preset's rule, stats "" = the cached statistics, data "" = the dataset's
// folder, arch_source "" = what --arch names (ArchChoice: codes, a search's RUN_DIR[:k], the paper's
// architecture), recorded beside the codes. validate() checks every value in one place, naming the flag
// that sets it.
package org.autogan4j.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.autogan4j.data.Datasets;
import org.autogan4j.gan.Architecture;
import org.autogan4j.gan.GanConfig;
import org.autogan4j.io.Json;

public record TrainSettings(String arch, String archSource, String preset, String dataset, String data, int trainImages,
        GanSettings config, long gSteps, double maxSeconds, long evalEvery, long logEvery, int evalImages,
        int evalBatch, int splits, long seed, String stats, String device, boolean tensorboard) {
    /** G steps of the fmnist preset: a few minutes on 2 CPU cores. */
    static final int FMNIST_STEPS = 300;
    static final int FMNIST_N_CRITIC = 1;
    static final float FMNIST_LR = 8e-4f;
    static final float FMNIST_EMA = 0.99f;
    /** The z seed of every evaluation is the run seed + this; the sample grids use + SAMPLE_SEED_OFFSET. */
    static final long EVAL_SEED_OFFSET = 1000;
    static final long SAMPLE_SEED_OFFSET = 2000;

    /** The preset called name on dataset (null or "": the preset's own); arch still to be set. */
    public static TrainSettings preset(String name, String dataset) {
        boolean paper = switch (name.toLowerCase(Locale.ROOT)) {
            case "fmnist" -> false;
            case "paper-cifar10", "paper-stl10" -> true;
            default -> throw new IllegalArgumentException("--preset " + name + " is not one of fmnist, paper-cifar10, "
                    + "paper-stl10");
        };
        String own = name.equalsIgnoreCase("paper-stl10") ? "stl10" : paper ? "cifar10" : "fashion-mnist";
        Datasets which = Datasets.byName(dataset != null && !dataset.isEmpty() ? dataset : own);
        GanConfig base = paper ? GanConfig.cifarDerived() : fmnistTraining(GanConfig.fashionMnist());
        GanConfig sized = base.withSizes(which.channels(), base.latentDim(), base.gfDim(), base.dfDim(),
                which == Datasets.STL10 ? 6 : base.bottomWidth());
        return new TrainSettings("", "", name.toLowerCase(Locale.ROOT), which.id(), "", 0, GanSettings.of(sized),
                paper ? 50_000 : FMNIST_STEPS, 0, 0, paper ? 100 : 10, paper ? 50_000 : 5_000, 100, 10, 12345, "",
                "auto", false);
    }

    /**
     * The fmnist preset's GAN: the search's sizes with n_critic 1, lr 8e-4 and EMA 0.99. n_critic 1 at lr
     * 4e-4 reached FID 26.2 and IS 7.07 on the scorer at 6000 G steps where the paper's n_critic 5 / lr 2e-4
     * reached FID 205 at 1500, and lr 8e-4 led 4e-4 at every step measured (docs/training.md, "Why the
     * fmnist numbers").
     */
    private static GanConfig fmnistTraining(GanConfig search) {
        return new GanConfig(search.imgChannels(), search.latentDim(), search.gfDim(), search.dfDim(),
                search.bottomWidth(), search.disBatchSize(), search.genBatchSize(), FMNIST_N_CRITIC, FMNIST_LR,
                search.beta1(), search.beta2(), FMNIST_EMA, search.emaWarmup());
    }

    /** These settings with key (a config.json key, config.lr for a nested one) set from text. */
    public TrainSettings with(String key, String text) {
        return SettingText.with(this, key, text);
    }

    /** The settings a train run saved as config.json. */
    static TrainSettings load(Path file) throws IOException {
        Map<String, Object> json = Json.readObject(file).values();
        if (!(json.get("preset") instanceof String preset) || !(json.get("dataset") instanceof String dataset)) {
            throw new IllegalArgumentException(file + " is not a train config.json (no \"preset\" and \"dataset\")");
        }
        try {
            return SettingText.withJson(preset(preset, dataset), json);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** Checks every value; throws naming the flag of the first bad one. Returns this. */
    public TrainSettings validate() {
        architecture();
        preset(preset, dataset);
        Datasets which = datasets();
        DeviceChoice.check("--device", device);
        SettingChecks.count("--train-images", trainImages, 0, Integer.MAX_VALUE);
        GanSettings c = config;
        SettingChecks.count("config.img_channels (the dataset's channels)", c.imgChannels(), which.channels(),
                which.channels());
        SettingChecks.count("--latent", c.latentDim(), 1, SettingChecks.MAX_WIDTH);
        SettingChecks.count("--gf", c.gfDim(), 1, SettingChecks.MAX_WIDTH);
        SettingChecks.count("--df", c.dfDim(), 1, SettingChecks.MAX_WIDTH);
        if (c.bottomWidth() < 1 || c.bottomWidth() * 8 > which.fullSize()) {
            throw new IllegalArgumentException("--bottom-width " + c.bottomWidth() + " makes " + (c.bottomWidth() * 8L)
                    + " px images, but " + which.id() + " has " + which.fullSize() + " px; use --bottom-width "
                    + which.fullSize() / 8);
        }
        SettingChecks.count("--dis-batch", c.disBatchSize(), 1, SettingChecks.MAX_BATCH);
        SettingChecks.count("--gen-batch", c.genBatchSize(), 1, SettingChecks.MAX_BATCH);
        SettingChecks.activation("max(--dis-batch, --gen-batch) x max(--gf, --df) x side",
                Math.max(c.disBatchSize(), c.genBatchSize()), Math.max(c.gfDim(), c.dfDim()), c.bottomWidth() * 8L);
        SettingChecks.count("--n-critic", c.nCritic(), 1, SettingChecks.MAX_N_CRITIC);
        SettingChecks.floatNumber("--lr", c.lr(), 0, true, 1, false);
        SettingChecks.floatNumber("--beta1", c.beta1(), 0, false, 1, true);
        SettingChecks.floatNumber("--beta2", c.beta2(), 0, false, 1, true);
        SettingChecks.floatNumber("--ema", c.emaDecay(), 0, false, 1, true);
        SettingChecks.count("--steps", gSteps, 1, SettingChecks.MAX_STEPS);
        SettingChecks.number("--max-seconds", maxSeconds, 0, false, 1e9, false);
        SettingChecks.count("--eval-every (0: the preset's rule)", evalEvery, 0, SettingChecks.MAX_STEPS);
        SettingChecks.count("--log-every", logEvery, 1, SettingChecks.MAX_STEPS);
        SettingChecks.count("--splits", splits, 1, SettingChecks.MAX_IMAGES);
        SettingChecks.count("--eval-images", evalImages, Math.max(2, splits), SettingChecks.MAX_IMAGES);
        SettingChecks.count("--eval-batch", evalBatch, 1, SettingChecks.MAX_EVAL_BATCH);
        SettingChecks.count("--seed", seed, -SettingChecks.MAX_SEED, SettingChecks.MAX_SEED);
        return this;
    }

    /** The architecture --arch names (14 codes, a search's RUN_DIR[:k] or topk.json[:k], autogan-cifar10-a). */
    public Architecture architecture() {
        return ArchChoice.resolve(arch).architecture();
    }

    public Datasets datasets() {
        return Datasets.byName(dataset);
    }

    /** The networks' config (after validate). */
    public GanConfig gan() {
        return config.gan();
    }

    /** The dataset folder, or null for the dataset's default folder. */
    public Path dataFolder() {
        return data.isEmpty() ? null : Path.of(data);
    }

    /**
     * These settings with the defaults made explicit for a run on trainSize training images (batches
     * per epoch) whose statistics are statsFile: what config.json records and a resumed run reuses.
     */
    TrainSettings resolved(int trainSize, int batchesPerEpoch, Path statsFile) {
        long every = evalEvery > 0 ? evalEvery : preset.startsWith("paper-")
                ? (20L * batchesPerEpoch + config.nCritic() - 1) / config.nCritic() : Math.max(1, gSteps / 4);
        String folder = data.isEmpty() ? datasets().defaultFolder().toString() : data;
        ArchChoice choice = ArchChoice.resolve(arch);
        return new TrainSettings(choice.architecture().toString(), archSource.isEmpty() ? choice.source() : archSource,
                preset, dataset, folder, trainSize, config, gSteps,
                maxSeconds, every, logEvery, evalImages, evalBatch, splits, seed,
                statsFile.toAbsolutePath().toString(), device, tensorboard);
    }
}
