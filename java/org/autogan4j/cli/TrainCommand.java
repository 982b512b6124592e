// `autogan4j train`: parses the flags into app.TrainSettings (a preset, fmnist, paper-cifar10 or paper-stl10, with
// every number overridable by a flag) and runs app.TrainJob, or continues a killed run with --resume;
// prints the outcome.
package org.autogan4j.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.autogan4j.app.TrainJob;
import org.autogan4j.app.TrainSettings;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a derived architecture from scratch, with periodic IS/FID of its EMA generator.")
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--resume", paramLabel = "RUN_DIR", description = "Continue the run in RUN_DIR from its newest "
            + "checkpoint (only --device, --inception-weights and --quiet may be given with it).")
    Path resume;

    @Option(names = "--arch", paramLabel = "ARCH", description = "The architecture: a search's RUN_DIR or its topk.json "
            + "(the final top-1; RUN_DIR:k or topk.json:k for the k-th), 14 comma-separated codes (spec 1.1, e.g. "
            + "1,0,1,1,1,0,0,1,1,1,0,1,0,3), or autogan-cifar10-a (the paper's AutoGAN-top1; top1 is its old name).")
    String arch;

    @Option(names = "--tensorboard", description = "Also write TensorBoard event files to RUN_DIR/tensorboard.")
    boolean tensorboard;

    @Mixin
    OutputOptions messages;

    @Option(names = "--preset", defaultValue = "fmnist", description = "fmnist, paper-cifar10 or paper-stl10 (default: ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--dataset", description = "fashion-mnist, cifar10 or stl10 (default: the preset's).")
    String dataset;

    @Option(names = "--data", description = "Dataset folder (default: the dataset's usual folder).")
    Path data;

    @Option(names = "--train-images", description = "Train on the first N training images only (default: all).")
    Integer trainImages;

    @Option(names = "--out", description = "Run folder to create (must not exist or be empty).")
    Path out;

    @Option(names = "--steps", description = "G steps (default: fmnist 300, paper-cifar10 50000).")
    Integer steps;

    @Option(names = "--max-seconds", description = "Time budget: stop at the first G step "
            + "after this many seconds of training (evaluations included), then evaluate; 0 = none (default).")
    Double maxSeconds;

    @Option(names = "--eval-every", description = "G steps between evaluations (default: fmnist steps/4, "
            + "paper-cifar10 20 epochs = ceil(20 * batches per epoch / n_critic)); the last step is always evaluated.")
    Integer evalEvery;

    @Option(names = "--eval-images", description = "Images per evaluation (default: fmnist 5000, paper-cifar10 50000).")
    Integer evalImages;

    @Option(names = "--eval-batch", description = "Images per scoring batch (default: 100).")
    Integer evalBatch;

    @Option(names = "--splits", description = "IS splits (default: 10).")
    Integer splits;

    @Option(names = "--log-every", description = "G steps between loss rows and progress lines (default: fmnist 10, "
            + "paper-cifar10 100).")
    Integer logEvery;

    @Option(names = "--seed", description = "Seed of init, batch order and z (default: 12345).")
    Long seed;

    @Option(names = "--device", description = "auto, cpu or cuda (default: auto, which follows -Dautogan4j.device).")
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
    @Option(names = "--n-critic", description = "D steps per G step (preset: fmnist 1, paper-cifar10 5).")
    Integer nCritic;
    @Option(names = "--lr", description = "Adam learning rate of G and D (preset: fmnist 8e-4, paper-cifar10 2e-4).")
    Float lr;
    @Option(names = "--beta1", description = "Adam beta1 (preset: 0).")
    Float beta1;
    @Option(names = "--beta2", description = "Adam beta2 (preset: 0.9).")
    Float beta2;
    @Option(names = "--ema", description = "EMA decay of G's weights (preset: fmnist 0.99, paper-cifar10 0.999).")
    Float ema;
    @Option(names = "--ema-warmup", negatable = true, description = "Grow the EMA decay as min(ema, (1 + n) / (10 + n)) "
            + "over the first updates n (default: on; --no-ema-warmup keeps it fixed, as the paper).")
    Boolean emaWarmup;

    @Override
    public Integer call() throws Exception {
        TrainJob.Outcome done;
        if (resume != null) {
            Flags.onlyWith(spec, Set.of("--resume", "--steps", "--device", "--inception-weights", "--quiet"),
                    "--resume continues a run with its own config.json; it takes no other settings (only --steps, "
                    + "--device, --inception-weights and --quiet)");
            done = TrainJob.resume(resume, device, steps == null ? null : steps.longValue(), inceptionWeights,
                    messages.log());
        } else {
            Flags.require(spec, arch, "--arch");
            Flags.require(spec, out, "--out");
            done = TrainJob.start(settings(), out, inceptionWeights, messages.log());
        }
        System.out.println(done.summary());
        return 0;
    }

    private TrainSettings settings() {
        Map<String, Object> flags = new LinkedHashMap<>();
        flags.put("arch", arch);
        flags.put("data", data);
        flags.put("train_images", trainImages);
        flags.put("g_steps", steps);
        flags.put("max_seconds", maxSeconds);
        flags.put("eval_every", evalEvery);
        flags.put("eval_images", evalImages);
        flags.put("eval_batch", evalBatch);
        flags.put("splits", splits);
        flags.put("log_every", logEvery);
        flags.put("seed", seed);
        flags.put("stats", stats);
        flags.put("device", device);
        flags.put("tensorboard", tensorboard ? true : null);
        flags.put("config.latent_dim", latent);
        flags.put("config.gf_dim", gf);
        flags.put("config.df_dim", df);
        flags.put("config.bottom_width", bottomWidth);
        flags.put("config.dis_batch_size", disBatch);
        flags.put("config.gen_batch_size", genBatch);
        flags.put("config.n_critic", nCritic);
        flags.put("config.lr", lr);
        flags.put("config.beta1", beta1);
        flags.put("config.beta2", beta2);
        flags.put("config.ema_decay", ema);
        flags.put("config.ema_warmup", emaWarmup);
        TrainSettings settings = TrainSettings.preset(preset, dataset);
        for (Map.Entry<String, Object> e : flags.entrySet()) {
            if (e.getValue() != null) {
                settings = settings.with(e.getKey(), e.getValue().toString());
            }
        }
        return settings;
    }
}
