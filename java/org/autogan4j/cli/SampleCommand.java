// `autogan4j sample`: a PNG grid (8 per row, 2-pixel border) of n samples of a checkpoint's EMA
// generator, from z ~ N(0, I) drawn with --seed, the generator in eval mode (app.SampleJob).
package org.autogan4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.autogan4j.app.SampleJob;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "A PNG grid of samples of a generator checkpoint written by train (EMA weights).")
final class SampleCommand implements Callable<Integer> {
    @Option(names = "--checkpoint", required = true, description = "A .safetensors checkpoint written by train, or a "
            + "train run folder (its best.safetensors, else its last.safetensors).")
    Path checkpoint;

    @Option(names = "--out", required = true, description = "The .png to write.")
    Path out;

    @Option(names = "--n", defaultValue = "64", description = "Samples (default: ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of z (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or cuda (default: ${DEFAULT-VALUE}).")
    String device;

    @Mixin
    OutputOptions messages;

    @Override
    public Integer call() throws IOException {
        SampleJob.Written w = SampleJob.run(checkpoint, out, n, seed, device, messages.log());
        System.out.printf("%d samples of %s (%s; %s, G step %d) written to %s%n", w.n(), w.arch(), w.archSource(),
                w.checkpoint(), w.gStep(), w.out());
        return 0;
    }
}
