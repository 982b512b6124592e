// `autogan4j train-scorer`: trains the Fashion-MNIST scorer and writes its weights and a JSON sidecar
// (app.ScorerJob). The committed models/fmnist-scorer.safetensors was made with the defaults (6
// epochs, seed 1) on the CPU.
package org.autogan4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.autogan4j.app.ScorerJob;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "train-scorer", mixinStandardHelpOptions = true,
        description = "Train the Fashion-MNIST scorer used for IS/FID on Fashion-MNIST.")
final class TrainScorerCommand implements Callable<Integer> {
    @Option(names = "--output", defaultValue = "fmnist-scorer.safetensors",
            description = "Weights file to write (.safetensors; default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--epochs", defaultValue = "6", description = "Training epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of init and batch order (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--data", description = "Fashion-MNIST folder (default: /usr/share/datasets/fashion-mnist).")
    Path data;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or cuda (default: ${DEFAULT-VALUE}; "
            + "auto follows -Dautogan4j.device).")
    String device;

    @Mixin
    OutputOptions messages;

    @Override
    public Integer call() throws IOException {
        ScorerJob.Summary s = ScorerJob.run(output, epochs, seed, data, device, messages.log());
        System.out.printf("test accuracy %.4f after %d epochs, %d s; wrote %s and %s%n", s.testAccuracy(), s.epochs(),
                s.trainSeconds(), output, ScorerJob.sidecar(output));
        return 0;
    }
}
