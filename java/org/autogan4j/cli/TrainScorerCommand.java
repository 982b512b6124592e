// `autogan4j train-scorer`: trains the Fashion-MNIST scorer (metrics.FashionScorer) and writes its
// weights (safetensors, atomically, the config in its metadata) and a JSON sidecar beside them with
// the config, seed, epochs, test accuracy and training seconds. The committed
// models/fmnist-scorer.safetensors was made with the defaults (6 epochs, seed 1) on the CPU.
package org.autogan4j.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.autogan4j.data.Dataset;
import org.autogan4j.data.FashionMnist;
import org.autogan4j.data.Split;
import org.autogan4j.io.AtomicFile;
import org.autogan4j.io.Json;
import org.autogan4j.metrics.FashionScorer;
import org.autogan4j.metrics.ScorerTraining;
import org.autogan4j.tensor.Device;

import picocli.CommandLine.Command;
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

    @Override
    public Integer call() throws IOException {
        if (!output.getFileName().toString().endsWith(".safetensors")) {
            throw new IllegalArgumentException("--output must name a .safetensors file, got " + output);
        }
        Path folder = data == null ? FashionMnist.DEFAULT_FOLDER : data;
        Dataset train = FashionMnist.load(folder, Split.TRAIN);
        Dataset test = FashionMnist.load(folder, Split.TEST);
        Device device = Device.auto();
        long start = System.nanoTime();
        try (FashionScorer scorer = new FashionScorer(device)) {
            double accuracy = ScorerTraining.train(scorer, train, test, epochs, seed, System.out);
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Object> sidecar = new LinkedHashMap<>();
            sidecar.put("model", "FashionScorer");
            sidecar.put("widths", Arrays.toString(FashionScorer.WIDTHS));
            sidecar.put("features", FashionScorer.FEATURES);
            sidecar.put("batch", ScorerTraining.BATCH);
            sidecar.put("lr", (double) ScorerTraining.LR);
            sidecar.put("seed", seed);
            sidecar.put("epochs", epochs);
            sidecar.put("device", device.toString());
            sidecar.put("test_accuracy", accuracy);
            sidecar.put("train_seconds", Math.round(seconds));
            Map<String, String> metadata = new LinkedHashMap<>();
            sidecar.forEach((k, v) -> metadata.put(k, String.valueOf(v)));
            scorer.save(output, metadata);
            String name = output.getFileName().toString();
            Path json = output.resolveSibling(name.substring(0, name.length() - ".safetensors".length()) + ".json");
            AtomicFile.write(json, (Json.write(sidecar) + "\n").getBytes(StandardCharsets.UTF_8));
            System.out.printf("test accuracy %.4f after %d epochs, %.0f s; wrote %s and %s%n", accuracy, epochs, seconds,
                    output, json);
        }
        return 0;
    }
}
