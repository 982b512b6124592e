// The ready-to-run `autogan4j train` of a search's final top-1: --arch the run directory (its topk.json's
// rank 1), the search's preset, dataset and data folder, and --out a folder beside the run directory.
// The search writes it into topk.json; the report shows it (and builds it from config.json for a run
// whose topk.json predates the field). Paths that are not plain words are single-quoted for the shell.
package org.autogan4j.report;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

public final class TrainCommand {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@+-]+");

    private TrainCommand() {
    }

    /** The command for the search in runDir with config (its config.json keys preset, dataset, data); null if unknown. */
    public static String of(Path runDir, Map<String, Object> config) {
        if (config == null || !(config.get("preset") instanceof String preset)
                || !(config.get("dataset") instanceof String dataset)) {
            return null;
        }
        StringBuilder out = new StringBuilder("autogan4j train --arch ").append(quoted(runDir.toString()))
                .append(" --preset ").append(quoted(preset)).append(" --dataset ").append(quoted(dataset));
        if (config.get("data") instanceof String data && !data.isEmpty()) {
            out.append(" --data ").append(quoted(data));
        }
        String name = runDir.getFileName() == null ? "search" : runDir.getFileName().toString();
        return out.append(" --out ").append(quoted(runDir.resolveSibling(name + "-top1").toString())).toString();
    }

    /** text as one shell word. */
    static String quoted(String text) {
        return PLAIN.matcher(text).matches() ? text : "'" + text.replace("'", "'\\''") + "'";
    }
}
