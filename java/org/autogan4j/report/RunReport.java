// The one entry point of the reporting: RunReport.write(runDir) (re)writes runDir/plots/*.png and
// runDir/report.html from whatever the run directory holds now (metrics.csv required; config.json,
// topk.json and samples/iter-NNN.png used when present). Safe to call after every search iteration
// and while the search runs: it only reads the search's files, and writes its own atomically.
package org.autogan4j.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.autogan4j.io.Json;

public final class RunReport {
    /** How many best controller samples stand in for topk.json when the config names no "topk". */
    public static final int DEFAULT_TOPK = 5;

    private static final Pattern SAMPLE = Pattern.compile("iter-(\\d+)\\.png");

    private RunReport() {
    }

    /** Writes the plots and report.html of the run in runDir; returns the report's path. */
    public static Path write(Path runDir) throws IOException {
        Path metrics = runDir.resolve("metrics.csv");
        if (!Files.isRegularFile(metrics)) {
            throw new IllegalArgumentException("no metrics.csv in " + runDir + ": give the run directory that "
                    + "`autogan4j search` writes (it holds metrics.csv, config.json and samples/)");
        }
        List<MetricsCsv.Row> rows = MetricsCsv.read(metrics);
        Map<String, Object> config = config(runDir.resolve("config.json"));
        Path topkFile = runDir.resolve("topk.json");
        TopK topK = Files.isRegularFile(topkFile) ? TopK.read(topkFile)
                : TopK.fromControllerSamples(rows, topk(config));
        RunPlots.write(runDir, rows);
        String command = !topK.fromSearch() ? null
                : topK.trainCommand() != null ? topK.trainCommand() : TrainCommand.of(runDir, config);
        return HtmlReport.write(runDir, new HtmlReport.Run(config, rows, topK, latestSample(runDir), command));
    }

    private static Map<String, Object> config(Path file) throws IOException {
        return Files.isRegularFile(file) ? Json.readObject(file).values() : null;
    }

    private static int topk(Map<String, Object> config) {
        Object k = config == null ? null : config.get("topk");
        return k instanceof Long value && value > 0 && value <= 1000 ? value.intValue() : DEFAULT_TOPK;
    }

    /** "samples/iter-NNN.png" of the highest iteration, or null when there is none. */
    static String latestSample(Path runDir) throws IOException {
        Path samples = runDir.resolve("samples");
        if (!Files.isDirectory(samples)) {
            return null;
        }
        long best = -1;
        String name = null;
        try (Stream<Path> files = Files.list(samples)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Matcher m = SAMPLE.matcher(p.getFileName().toString());
                if (m.matches() && m.group(1).length() < 10 && Long.parseLong(m.group(1)) > best) {
                    best = Long.parseLong(m.group(1));
                    name = p.getFileName().toString();
                }
            }
        }
        return name == null ? null : "samples/" + name;
    }
}
