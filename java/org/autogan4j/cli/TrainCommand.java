// `autogan4j train`: trains a derived architecture from scratch (spec 3) and evaluates its EMA
// generator on the way (spec 7): presets fmnist (GanConfig.fashionMnist() on Fashion-MNIST, minutes on
// a CPU) and paper-cifar10 (GanConfig.cifarDerived() on CIFAR-10, 50,000 G steps, evaluation every 20
// epochs on 50,000 images), every number overridable by a flag. Everything is checked (architecture,
// flags, dataset, scorer weights, reference statistics, an unused RUN_DIR) before RUN_DIR is created;
// TrainRun writes the run's files.
package org.autogan4j.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.autogan4j.data.BatchLoader;
import org.autogan4j.data.Dataset;
import org.autogan4j.data.Datasets;
import org.autogan4j.data.EndlessBatches;
import org.autogan4j.gan.Architecture;
import org.autogan4j.gan.DerivedTraining;
import org.autogan4j.gan.GanConfig;
import org.autogan4j.io.AtomicFile;
import org.autogan4j.io.Json;
import org.autogan4j.metrics.FidStatistics;
import org.autogan4j.metrics.ReferenceStatistics;
import org.autogan4j.metrics.Scorer;
import org.autogan4j.metrics.Scorers;
import org.autogan4j.tensor.Device;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a derived architecture from scratch, with periodic IS/FID of its EMA generator.")
final class TrainCommand implements Callable<Integer> {
    /** G steps of the fmnist preset: a few minutes on 2 CPU cores. */
    static final int FMNIST_STEPS = 300;
    /** The z seed of every evaluation is the run seed + this; the sample grids use + SAMPLE_SEED_OFFSET. */
    static final long EVAL_SEED_OFFSET = 1000;
    static final long SAMPLE_SEED_OFFSET = 2000;

    @Option(names = "--arch", required = true,
            description = "14 comma-separated codes (spec 1.1), e.g. 1,0,1,1,1,0,0,1,1,1,0,1,0,3, or top1.")
    String arch;

    @Option(names = "--preset", defaultValue = "fmnist", description = "fmnist or paper-cifar10 (default: ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--dataset", description = "fashion-mnist, cifar10 or stl10 (default: the preset's).")
    String dataset;

    @Option(names = "--data", description = "Dataset folder (default: the dataset's usual folder).")
    Path data;

    @Option(names = "--train-images", description = "Train on the first N training images only (default: all).")
    Integer trainImages;

    @Option(names = "--out", required = true, description = "Run folder to create (must not hold a run yet).")
    Path out;

    @Option(names = "--steps", description = "G steps (default: fmnist " + FMNIST_STEPS + ", paper-cifar10 50000).")
    Integer steps;

    @Option(names = "--max-seconds", defaultValue = "0", description = "Time budget: stop at the first G step "
            + "after this many seconds of training (evaluations included), then evaluate; 0 = none (default).")
    double maxSeconds;

    @Option(names = "--eval-every", description = "G steps between evaluations (default: fmnist steps/4, "
            + "paper-cifar10 20 epochs = ceil(20 * batches per epoch / n_critic)); the last step is always evaluated.")
    Integer evalEvery;

    @Option(names = "--eval-images", description = "Images per evaluation (default: fmnist 5000, paper-cifar10 50000).")
    Integer evalImages;

    @Option(names = "--eval-batch", defaultValue = "100", description = "Images per scoring batch (default: ${DEFAULT-VALUE}).")
    int evalBatch;

    @Option(names = "--splits", defaultValue = "10", description = "IS splits (default: ${DEFAULT-VALUE}).")
    int splits;

    @Option(names = "--log-every", description = "G steps between loss rows and progress lines (default: fmnist 10, "
            + "paper-cifar10 100).")
    Integer logEvery;

    @Option(names = "--seed", defaultValue = "12345", description = "Seed of init, batch order and z (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or cuda (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--stats", description = "FID reference statistics .npz (default: the cached statistics of the "
            + "training images, computed once; see fid-stats).")
    Path stats;

    @Option(names = "--inception-weights", description = "pytorch-fid's Inception weights (cifar10, stl10).")
    Path inceptionWeights;

    @Option(names = "--latent", description = "Latent size (preset: fmnist 64, paper-cifar10 128).")
    Integer latent;
    @Option(names = "--gf", description = "Generator width gf_dim (preset: fmnist 32, paper-cifar10 256).")
    Integer gf;
    @Option(names = "--df", description = "Discriminator width df_dim (preset: fmnist 32, paper-cifar10 128).")
    Integer df;
    @Option(names = "--bottom-width", description = "Stem side; images are 8x this (preset: 4; 6 for stl10's 48 px).")
    Integer bottomWidth;
    @Option(names = "--dis-batch", description = "D step batch, real and fake each (preset: fmnist 32, paper-cifar10 64).")
    Integer disBatch;
    @Option(names = "--gen-batch", description = "G step batch (preset: fmnist 64, paper-cifar10 128).")
    Integer genBatch;
    @Option(names = "--n-critic", description = "D steps per G step (preset: 5).")
    Integer nCritic;
    @Option(names = "--lr", description = "Adam learning rate of G and D (preset: 2e-4).")
    Float lr;
    @Option(names = "--beta1", description = "Adam beta1 (preset: 0).")
    Float beta1;
    @Option(names = "--beta2", description = "Adam beta2 (preset: 0.9).")
    Float beta2;
    @Option(names = "--ema", description = "EMA decay of G's weights (preset: 0.999).")
    Float ema;

    @Override
    public Integer call() throws Exception {
        boolean paper = switch (preset.toLowerCase(Locale.ROOT)) {
            case "fmnist" -> false;
            case "paper-cifar10" -> true;
            default -> throw new IllegalArgumentException("--preset " + preset + " is not one of fmnist, paper-cifar10");
        };
        Architecture architecture = arch.trim().equalsIgnoreCase("top1") ? Architecture.TOP1 : Architecture.parse(arch);
        Datasets which = Datasets.byName(dataset != null ? dataset : paper ? "cifar10" : "fashion-mnist");
        GanConfig config = config(paper ? GanConfig.cifarDerived() : GanConfig.fashionMnist(), which);
        int size = config.resolution(2);
        if (size > which.fullSize()) {
            throw new IllegalArgumentException("--bottom-width " + config.bottomWidth() + " makes " + size + " px images, "
                    + "but " + which.id() + " has " + which.fullSize() + " px; use --bottom-width " + which.fullSize() / 8);
        }
        long gSteps = steps != null ? steps : paper ? 50_000 : FMNIST_STEPS;
        int images = evalImages != null ? evalImages : paper ? 50_000 : 5_000;
        long every = logEvery != null ? logEvery : paper ? 100 : 10;
        if (gSteps < 1 || every < 1 || evalBatch < 1 || splits < 1 || images < Math.max(2, splits)) {
            throw new IllegalArgumentException("--steps, --log-every, --eval-batch and --splits must be >= 1 and "
                    + "--eval-images >= max(2, --splits)");
        }
        if (Files.exists(out.resolve("config.json"))) {
            throw new IllegalArgumentException(out + " already holds a run (config.json); choose a new --out");
        }
        if (stats != null && !Files.isRegularFile(stats)) {
            throw new IllegalArgumentException("--stats " + stats + " does not exist; make it with `autogan4j fid-stats`");
        }
        Scorers.checkAvailable(which, inceptionWeights);
        Device on = Devices.parse(device);
        Dataset train = which.load(data, size);
        if (trainImages != null) {
            train = train.head(trainImages);
        }
        BatchLoader loader = new BatchLoader(train, config.disBatchSize(), seed, on);
        long evalGap = evalEvery != null ? evalEvery
                : paper ? (20L * loader.batchesPerEpoch() + config.nCritic() - 1) / config.nCritic()
                : Math.max(1, gSteps / 4);
        if (evalGap < 1) {
            throw new IllegalArgumentException("--eval-every must be >= 1, got " + evalGap);
        }
        try (Scorer scorer = Scorers.forDataset(which, on, inceptionWeights)) {
            ProgressLine statsProgress = new ProgressLine(System.err, "reference statistics", "images");
            Path statsFile = ReferenceStatistics.resolve(stats, which, train, scorer,
                    (done, total) -> statsProgress.update(done, total, "", false));
            FidStatistics reference = ReferenceStatistics.load(statsFile, scorer);
            GeneratorCheckpoint.EvalSettings eval = new GeneratorCheckpoint.EvalSettings(images, evalBatch, splits,
                    seed + EVAL_SEED_OFFSET, statsFile.toAbsolutePath().toString());
            Files.createDirectories(out.resolve("samples"));
            AtomicFile.write(out.resolve("config.json"), (Json.write(settings(architecture, which, train, config,
                    gSteps, evalGap, every, eval, on)) + "\n").getBytes(StandardCharsets.UTF_8));
            System.err.printf("train %s on %s (%d images, %d px) with %s: %d G steps, eval every %d on %d images; "
                    + "writing %s%n", architecture, which.id(), train.size(), size, on, gSteps, evalGap, images, out);
            try (DerivedTraining training = new DerivedTraining(config, architecture, on, seed);
                    EndlessBatches real = new EndlessBatches(loader);
                    TrainRun run = new TrainRun(out, training, which, scorer, reference, eval, gSteps, maxSeconds,
                            seed + SAMPLE_SEED_OFFSET, System.err)) {
                training.run(real, gSteps, evalGap, every, maxSeconds, run);
                System.out.printf(Locale.ROOT, "done: %d G steps (%d D steps); best FID %.4f (%s) at G step %d; %s%n",
                        training.gSteps(), training.dSteps(), run.bestFid(), scorer.fidMode(), run.bestStep(),
                        out.resolve("best.safetensors"));
            }
        }
        return 0;
    }

    private GanConfig config(GanConfig base, Datasets which) {
        int bw = bottomWidth != null ? bottomWidth : which == Datasets.STL10 ? 6 : base.bottomWidth();
        return new GanConfig(which.channels(), pick(latent, base.latentDim()), pick(gf, base.gfDim()),
                pick(df, base.dfDim()), bw, pick(disBatch, base.disBatchSize()), pick(genBatch, base.genBatchSize()),
                pick(nCritic, base.nCritic()), lr != null ? lr : base.lr(), beta1 != null ? beta1 : base.beta1(),
                beta2 != null ? beta2 : base.beta2(), ema != null ? ema : base.emaDecay());
    }

    private static int pick(Integer flag, int preset) {
        return flag != null ? flag : preset;
    }

    private Map<String, Object> settings(Architecture architecture, Datasets which, Dataset train, GanConfig config,
            long gSteps, long evalGap, long every, GeneratorCheckpoint.EvalSettings eval, Device on) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("arch", architecture.toString());
        m.put("preset", preset);
        m.put("dataset", which.id());
        m.put("data", data == null ? which.defaultFolder().toString() : data.toString());
        m.put("train_images", train.size());
        m.put("image_size", config.resolution(2));
        m.put("config", GeneratorCheckpoint.configMap(config));
        m.put("g_steps", gSteps);
        m.put("max_seconds", maxSeconds);
        m.put("eval_every", evalGap);
        m.put("log_every", every);
        m.put("eval_images", eval.images());
        m.put("eval_batch", eval.batch());
        m.put("splits", eval.splits());
        m.put("seed", seed);
        m.put("eval_seed", eval.seed());
        m.put("sample_seed", seed + SAMPLE_SEED_OFFSET);
        m.put("stats", eval.stats());
        m.put("device", on.toString());
        return m;
    }
}
