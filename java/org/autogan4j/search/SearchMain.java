// `autogan4j search` (also runnable alone as org.autogan4j.search.SearchMain): runs an AutoGAN search
// into a run directory, or continues a killed one with --resume. Settings come from a preset
// (default fmnist), then a JSON --config file, then --set key=value flags and the named shortcuts;
// --list-settings prints them all. The reward scorer follows the dataset (Scorers.forDataset).
package org.autogan4j.search;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.autogan4j.cli.Main;
import org.autogan4j.data.Datasets;
import org.autogan4j.metrics.Scorer;
import org.autogan4j.metrics.Scorers;
import org.autogan4j.tensor.Device;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Search generator architectures (AutoGAN: controller + MLAS + dynamic reset) into a run directory.")
public final class SearchMain implements Callable<Integer> {
    @Option(names = "--preset", defaultValue = "fmnist",
            description = "fmnist (default: small CPU search on Fashion-MNIST) or paper-cifar10 (the paper's numbers).")
    String preset;

    @Option(names = "--config", description = "JSON file of settings overriding the preset.")
    Path configFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one setting (repeatable); "
            + "see --list-settings.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--iterations", description = "Search iterations (max_search_iter).")
    Integer iterations;

    @Option(names = "--seed", description = "Seed of every random stream.")
    Long seed;

    @Option(names = "--data", description = "Dataset folder (default: the dataset's standard folder).")
    Path data;

    @Option(names = "--device", description = "cpu, cuda or auto.")
    String device;

    @Option(names = "--out", description = "Run directory to create (default: runs/search-PRESET-DATE-TIME).")
    Path out;

    @Option(names = "--resume", paramLabel = "RUN_DIR", description = "Continue the run in RUN_DIR from its newest checkpoint.")
    Path resume;

    @Option(names = "--inception-weights", description = "pytorch-fid Inception weights (cifar10, stl10 rewards); "
            + "default: -Dautogan4j.inception.weights, else ~/.cache/autogan4j/pt_inception-2015-12-05-6726825d.pth.")
    Path inceptionWeights;

    @Option(names = "--list-settings", description = "Print every setting with its value and exit.")
    boolean listSettings;

    public static void main(String[] args) {
        System.exit(Main.run(new SearchMain(), args));
    }

    @Override
    public Integer call() throws IOException {
        PrintStream err = System.err;
        boolean terminal = System.console() != null;
        if (resume != null) {
            if (configFile != null || !sets.isEmpty() || iterations != null || seed != null || data != null
                    || out != null) {
                throw new IllegalArgumentException("--resume continues a run with its own config.json; it takes no "
                        + "other settings (only --device and --inception-weights)");
            }
            RunDirectory dir = RunDirectory.open(resume, err);
            SearchConfig config = SearchConfig.load(dir.config()).validate();
            if (device != null) {
                config = config.with("device", device).validate();
            }
            Device dev = Device.byName(config.device());
            if (dir.finished()) {
                throw new IllegalArgumentException(resume + " already finished (it has topk.json)");
            }
            try (RunDirectory.Saved saved = dir.latest(dev)) {
                err.println("resuming " + resume + " after iteration " + saved.sidecar().get("iteration") + " ("
                        + saved.file().getFileName() + ")");
                return run(config, dir, dev, saved, err, terminal);
            }
        }
        SearchConfig config = settings();
        if (listSettings) {
            config.values().forEach((k, v) -> System.out.println(k + " = " + v));
            return 0;
        }
        Path root = out != null ? out : Path.of("runs", "search-" + config.preset() + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Scorers.checkAvailable(Datasets.byName(config.dataset()), inceptionWeights);
        Device dev = Device.byName(config.device());
        RunDirectory dir = RunDirectory.create(root, config, err);
        err.println("search " + config.preset() + " on " + config.dataset() + " (" + dev + "), run directory " + root);
        return run(config, dir, dev, null, err, terminal);
    }

    private SearchConfig settings() throws IOException {
        SearchConfig config = SearchConfig.preset(preset);
        if (configFile != null) {
            config = config.withFile(configFile);
        }
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("--set takes KEY=VALUE, got \"" + s + "\"");
            }
            config = config.with(s.substring(0, eq).trim(), s.substring(eq + 1));
        }
        Map<String, Object> named = new LinkedHashMap<>();
        named.put("max_search_iter", iterations);
        named.put("seed", seed);
        named.put("data", data);
        named.put("device", device);
        for (Map.Entry<String, Object> e : named.entrySet()) {
            if (e.getValue() != null) {
                config = config.with(e.getKey(), e.getValue().toString());
            }
        }
        return config.validate();
    }

    /** Sets up and runs; a new run directory (saved == null) is removed again if the set-up fails. */
    private int run(SearchConfig config, RunDirectory dir, Device device, RunDirectory.Saved saved,
            PrintStream err, boolean terminal) throws IOException {
        Scorer scorer = null;
        SearchRun search;
        try {
            scorer = Scorers.forDataset(Datasets.byName(config.dataset()), device, inceptionWeights);
            search = new SearchRun(config, dir, device, scorer, saved, err, terminal);
        } catch (IOException | RuntimeException e) {
            if (scorer != null) {
                scorer.close();
            }
            if (saved == null) {
                dir.deleteNew();
            }
            throw e;
        }
        try (Scorer s = scorer; SearchRun r = search) {
            r.run();
        }
        return 0;
    }
}
