// `autogan4j search`: parses the flags into SearchSettings and runs app.SearchJob: a new search into
// a run directory, or the continuation of a killed one with --resume. Settings come from a preset
// (default fmnist), then a JSON --config file, then --set key=value flags and the named shortcuts;
// --list-settings prints them all (after checking them).
package org.autogan4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.autogan4j.app.SearchJob;
import org.autogan4j.app.SearchSettings;
import org.autogan4j.app.SettingText;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Search generator architectures (AutoGAN: controller + MLAS + dynamic reset) into a run directory.")
final class SearchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--preset", defaultValue = "fmnist",
            description = "fmnist (default: small CPU search on Fashion-MNIST), paper-cifar10 or paper-stl10 (the paper's numbers).")
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

    @Option(names = "--device", description = "cpu, cuda or auto (auto follows -Dautogan4j.device when set).")
    String device;

    @Option(names = "--out", description = "Run directory to create (default: runs/search-PRESET-DATE-TIME).")
    Path out;

    @Option(names = "--resume", paramLabel = "RUN_DIR", description = "Continue the run in RUN_DIR from its newest checkpoint "
            + "(only --device, --inception-weights and --quiet may be given with it).")
    Path resume;

    @Option(names = "--inception-weights", description = "pytorch-fid Inception weights (cifar10, stl10 rewards); "
            + "default: -Dautogan4j.inception.weights, else ~/.cache/autogan4j/pt_inception-2015-12-05-6726825d.pth.")
    Path inceptionWeights;

    @Option(names = "--list-settings", description = "Print every setting with its value and exit.")
    boolean listSettings;

    @Option(names = "--tensorboard", description = "Also write TensorBoard event files to RUN_DIR/tensorboard "
            + "(the tensorboard setting).")
    boolean tensorboard;

    @Mixin
    OutputOptions messages;

    @Override
    public Integer call() throws IOException {
        if (resume != null) {
            Flags.onlyWith(spec, Set.of("--resume", "--device", "--inception-weights", "--quiet"),
                    "--resume continues a run with its own config.json; it takes no other settings (only --device, "
                            + "--inception-weights and --quiet)");
            System.out.println(SearchJob.resume(resume, device, inceptionWeights, messages.log()).summary());
            return 0;
        }
        SearchSettings settings = settings();
        if (listSettings) {
            SettingText.lines(settings).forEach(System.out::println);
            return 0;
        }
        Path root = out != null ? out : Path.of("runs", "search-" + settings.preset() + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        System.out.println(SearchJob.start(settings, root, inceptionWeights, messages.log()).summary());
        return 0;
    }

    private SearchSettings settings() throws IOException {
        SearchSettings settings = SearchSettings.preset(preset);
        if (configFile != null) {
            settings = settings.withFile(configFile);
        }
        for (String s : sets) {
            Map.Entry<String, String> set = Flags.setting(s);
            settings = settings.with(set.getKey(), set.getValue());
        }
        Map<String, Object> named = new LinkedHashMap<>();
        named.put("max_search_iter", iterations);
        named.put("seed", seed);
        named.put("data", data);
        named.put("device", device);
        named.put("tensorboard", tensorboard ? true : null);
        for (Map.Entry<String, Object> e : named.entrySet()) {
            if (e.getValue() != null) {
                settings = settings.with(e.getKey(), e.getValue().toString());
            }
        }
        return settings.validate();
    }
}
