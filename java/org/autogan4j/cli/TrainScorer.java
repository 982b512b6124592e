// Trains the Fashion-MNIST scorer (metrics.FashionScorer) and writes its weights:
//   java -cp target/classes:... org.autogan4j.cli.TrainScorer OUTPUT EPOCHS SEED [DATA_FOLDER]
// OUTPUT gets the safetensors weights (written atomically, the config in its metadata) and
// OUTPUT minus ".safetensors" plus ".json" a sidecar with the config, seed, epochs, test accuracy
// and training seconds. DATA_FOLDER defaults to Fashion-MNIST's default folder. The committed
// scorer is models/fmnist-scorer.safetensors, made with EPOCHS 6, SEED 1 on the CPU.
package org.autogan4j.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.autogan4j.data.Dataset;
import org.autogan4j.data.FashionMnist;
import org.autogan4j.data.Split;
import org.autogan4j.io.AtomicFile;
import org.autogan4j.io.Json;
import org.autogan4j.metrics.FashionScorer;
import org.autogan4j.metrics.ScorerTraining;
import org.autogan4j.tensor.Device;

public final class TrainScorer {
    private static final String USAGE = "usage: TrainScorer OUTPUT.safetensors EPOCHS SEED [DATA_FOLDER]";

    private TrainScorer() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3 || args.length > 4 || !args[0].endsWith(".safetensors")) {
            System.err.println(USAGE);
            System.exit(2);
        }
        Path output = Path.of(args[0]);
        int epochs = Integer.parseInt(args[1]);
        long seed = Long.parseLong(args[2]);
        Path folder = args.length == 4 ? Path.of(args[3]) : FashionMnist.DEFAULT_FOLDER;
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
    }
}
