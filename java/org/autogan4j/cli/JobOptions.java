// The flags `pipeline` and `evidence` share (they run searches and train runs inside one directory):
// --set, --data, --device, --out, --inception-weights and --list-settings, with how they become
// dotted settings and the default directory's name.
package org.autogan4j.cli;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Option;

final class JobOptions {
    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one setting (repeatable); "
            + "see --list-settings.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--data", description = "Dataset folder (default: the dataset's standard folder).")
    Path data;

    @Option(names = "--device", description = "cpu, cuda or auto (auto follows -Dautogan4j.device when set).")
    String device;

    @Option(names = "--out", description = "Directory to create (default: runs/COMMAND-PRESET-DATE-TIME).")
    Path out;

    @Option(names = "--inception-weights", description = "pytorch-fid Inception weights (cifar10, stl10).")
    Path inceptionWeights;

    @Option(names = "--list-settings", description = "Print every setting with its value and exit.")
    boolean listSettings;

    /**
     * The settings to apply in order, as dotted key and text: the given named flags that were set, then
     * --data and --device for search and train, then every --set.
     */
    List<Map.Entry<String, String>> overrides(Map<String, Object> named) {
        Map<String, Object> all = new LinkedHashMap<>(named);
        all.put("search.data", data);
        all.put("train.data", data);
        all.put("search.device", device);
        all.put("train.device", device);
        List<Map.Entry<String, String>> out = new ArrayList<>();
        all.forEach((key, value) -> {
            if (value != null) {
                out.add(Map.entry(key, value.toString()));
            }
        });
        for (String s : sets) {
            out.add(Flags.setting(s));
        }
        return out;
    }

    /** --out, else runs/COMMAND-PRESET-DATE-TIME. */
    Path root(String command, String preset) {
        return out != null ? out : Path.of("runs", command + "-" + preset + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    }
}
