// `autogan4j train-scorer` as a job: trains the Fashion-MNIST scorer (metrics.FashionScorer) and writes
// its weights (safetensors, atomically, the summary in its metadata) and a JSON sidecar beside them
// with the config, seed, epochs, test accuracy and training seconds. The committed
// models/fmnist-scorer.safetensors was made with the defaults (6 epochs, seed 1) on the CPU.
package org.autogan4j.app;

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

public final class ScorerJob {
    /** The sidecar: what was trained, how, and how well. */
    public record Summary(String model, String widths, int features, int batch, double lr, long seed, int epochs,
            String device, double testAccuracy, long trainSeconds) {
    }

    private ScorerJob() {
    }

    /** Trains for epochs from seed on the Fashion-MNIST in data (null: the default folder); writes output + .json. */
    public static Summary run(Path output, int epochs, long seed, Path data, String device, Log log)
            throws IOException {
        if (!output.getFileName().toString().endsWith(".safetensors")) {
            throw new IllegalArgumentException("--output must name a .safetensors file, got " + output);
        }
        SettingChecks.count("--epochs", epochs, 1, 1000);
        Device on = DeviceChoice.resolve(device);
        Path folder = data == null ? FashionMnist.DEFAULT_FOLDER : data;
        Dataset train = FashionMnist.load(folder, Split.TRAIN);
        Dataset test = FashionMnist.load(folder, Split.TEST);
        long start = System.nanoTime();
        try (FashionScorer scorer = new FashionScorer(on)) {
            double accuracy = ScorerTraining.train(scorer, train, test, epochs, seed, log.infoStream());
            Summary summary = new Summary("FashionScorer", Arrays.toString(FashionScorer.WIDTHS), FashionScorer.FEATURES,
                    ScorerTraining.BATCH, ScorerTraining.LR, seed, epochs, on.toString(), accuracy,
                    Math.round((System.nanoTime() - start) / 1e9));
            Map<String, Object> json = RecordJson.write(summary);
            Map<String, String> metadata = new LinkedHashMap<>();
            json.forEach((k, v) -> metadata.put(k, String.valueOf(v)));
            scorer.save(output, metadata);
            AtomicFile.write(sidecar(output), (Json.write(json) + "\n").getBytes(StandardCharsets.UTF_8));
            return summary;
        }
    }

    /** x.safetensors -> x.json. */
    public static Path sidecar(Path output) {
        String name = output.getFileName().toString();
        return output.resolveSibling(name.substring(0, name.length() - ".safetensors".length()) + ".json");
    }
}
