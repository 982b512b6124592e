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
import picocli.CommandLine.Option;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Inception Score and FID of a generator checkpoint written by train (EMA weights).")
final class EvalCommand implements Callable<Integer> {
    @Option(names = "--checkpoint", required = true, description = "A .safetensors checkpoint written by train.")
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

    @Override
    public Integer call() throws IOException {
        EvalJob.Figures f = EvalJob.run(new EvalJob.Request(checkpoint, stats, images, batch, splits, seed, json,
                inceptionWeights, device), System.err);
        System.out.printf(Locale.ROOT, "IS %s +- %s, FID %s (%d images, %s, G step %d; train logged FID %s)%n",
                shown(f.isMean(), 4), shown(f.isStd(), 4), shown(f.fid(), 6), f.images(), f.arch(), f.gStep(),
                shown(f.loggedFid(), 6));
        return 0;
    }

    private static String shown(Double v, int decimals) {
        return v == null ? "none" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
