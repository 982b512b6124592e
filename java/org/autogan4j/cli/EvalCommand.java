// `autogan4j eval`: IS and FID of a generator checkpoint written by train (its EMA weights), repeated
// exactly as train evaluated it unless flags change it (app.EvalJob). Prints one line; --json also
// writes the figures.
package org.autogan4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.autogan4j.app.EvalJob;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Inception Score, FID and KID of a generator checkpoint written by train (EMA weights).")
final class EvalCommand implements Callable<Integer> {
    @Option(names = "--checkpoint", required = true, description = "A .safetensors checkpoint written by train, or a "
            + "train run folder (its best.safetensors, else its last.safetensors).")
    Path checkpoint;

    @Option(names = "--stats", description = "FID reference statistics .npz (default: the file train used).")
    Path stats;

    @Option(names = "--images", description = "Images to score (default: as train evaluated).")
    Integer images;

    @Option(names = "--batch", description = "Images per batch (default: as train evaluated).")
    Integer batch;

    @Option(names = "--splits", description = "IS splits (default: as train evaluated).")
    Integer splits;

    @Option(names = "--seed", description = "Seed of the z draws (default: the one train evaluated with).")
    Long seed;

    @Option(names = "--json", description = "Also write the figures to this JSON file.")
    Path json;

    @Option(names = "--inception-weights", description = "pytorch-fid's Inception weights (cifar10, stl10).")
    Path inceptionWeights;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or cuda (default: ${DEFAULT-VALUE}; "
            + "auto follows -Dautogan4j.device).")
    String device;

    @Mixin
    OutputOptions messages;

    @Override
    public Integer call() throws IOException {
        EvalJob.Figures f = EvalJob.run(new EvalJob.Request(checkpoint, stats, images, batch, splits, seed, json,
                inceptionWeights, device), messages.log());
        System.out.printf(Locale.ROOT, "%s (%d images; %s, G step %d: %s (%s); train logged FID %s)%n",
                f.evaluation().format(), f.evaluation().images(), f.checkpoint(), f.gStep(), f.arch(), f.archSource(),
                f.loggedFid() == null ? "none" : String.format(Locale.ROOT, "%.6f (%s)", f.loggedFid(), f.loggedFidMode()));
        return 0;
    }
}
