// report.html of a search run: the config, a summary, the three plots, the ranked architectures
// (vector, description and cell diagram each), the latest sample grid and the list of resets. One
// self-contained page (CSS and SVG inline); only the PNGs are separate files, referenced relative
// to the run directory. Every piece of run-provided text is escaped. Written atomically.
package org.autogan4j.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.autogan4j.gan.Architecture;
import org.autogan4j.gan.CellChoice;
import org.autogan4j.io.AtomicFile;
import org.autogan4j.io.Json;
import org.autogan4j.report.MetricsCsv.Event;
import org.autogan4j.report.MetricsCsv.Row;

public final class HtmlReport {
    public static final String FILE = "report.html";

    private static final String STYLE = "body{font-family:sans-serif;margin:24px;color:#222;max-width:1000px}"
            + "table{border-collapse:collapse;margin:8px 0 16px}td,th{border:1px solid #ccc;padding:4px 8px;"
            + "text-align:left;vertical-align:top}th{background:#f3f3f3}code{font-size:13px}"
            + "img{max-width:100%;border:1px solid #ddd;margin:4px 0}.note{color:#666}";

    /** What the page shows: config (null when config.json is absent), rows, ranking, latest grid (or null). */
    public record Run(Map<String, Object> config, List<Row> rows, TopK topK, String latestSample) {
    }

    private HtmlReport() {
    }

    /** Writes runDir/report.html and returns its path. */
    public static Path write(Path runDir, Run run) throws IOException {
        Path file = runDir.resolve(FILE);
        AtomicFile.write(file, render(run).getBytes(StandardCharsets.UTF_8));
        return file;
    }

    /** The page's HTML text. */
    public static String render(Run run) {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>autogan4j search report</title>\n<style>").append(STYLE).append("</style>\n")
                .append("</head>\n<body>\n<h1>autogan4j search report</h1>\n<p class=\"note\">generated ")
                .append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append("</p>\n");
        summary(out, RunSummary.of(run.rows()));
        out.append("<h2>Plots</h2>\n");
        for (String plot : List.of(RunPlots.REWARDS, RunPlots.LOSSES, RunPlots.IS)) {
            out.append("<p><img src=\"").append(Html.escape(plot)).append("\" alt=\"").append(Html.escape(plot))
                    .append("\" width=\"").append(RunPlots.WIDTH).append("\"></p>\n");
        }
        ranking(out, run.topK());
        out.append("<h2>Latest samples</h2>\n");
        if (run.latestSample() == null) {
            out.append("<p class=\"note\">no sample grid yet</p>\n");
        } else {
            out.append("<p><img src=\"").append(Html.escape(run.latestSample())).append("\" alt=\"samples\"><br>")
                    .append(Html.escape(run.latestSample())).append("</p>\n");
        }
        resets(out, run.rows());
        config(out, run.config());
        return out.append("</body>\n</html>\n").toString();
    }

    private static void summary(StringBuilder out, RunSummary s) {
        out.append("<h2>Summary</h2>\n<table>\n");
        row(out, "iterations done", Integer.toString(s.iterations()));
        List<String> stages = new ArrayList<>();
        s.stages().forEach(stage -> stages.add(stage.toString()));
        row(out, "stages", stages.isEmpty() ? "none yet" : String.join(", ", stages));
        row(out, "dynamic resets", Integer.toString(s.resets()));
        row(out, "elapsed time", RunSummary.duration(s.elapsedS()));
        row(out, "D steps", s.dSteps() < 0 ? "none yet" : Long.toString(s.dSteps()));
        row(out, "best reward (IS)", s.bestArch() == null ? "none yet"
                : String.format(Locale.ROOT, "%.3f (arch %s)", s.bestReward(), s.bestArch()));
        out.append("</table>\n");
    }

    private static void ranking(StringBuilder out, TopK topK) {
        if (topK.fromSearch()) {
            out.append("<h2>Top-").append(topK.entries().size()).append(" architectures (stage ").append(topK.stage())
                    .append(")</h2>\n<p class=\"note\">as ranked by the search (topk.json)</p>\n");
        } else {
            out.append("<h2>Best controller samples so far").append(topK.stage() < 0 ? "" : " (stage "
                    + topK.stage() + ")").append("</h2>\n<p class=\"note\">topk.json is not written yet: these are "
                    + "the best distinct architectures the controller sampled in the current stage.</p>\n");
        }
        if (topK.entries().isEmpty()) {
            out.append("<p class=\"note\">no architectures yet</p>\n");
            return;
        }
        out.append("<table>\n<tr><th>rank</th><th>reward (IS)</th><th>architecture</th><th>cells</th></tr>\n");
        for (TopK.Entry e : topK.entries()) {
            out.append("<tr><td>").append(e.rank()).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.3f", e.reward())).append("</td><td><code>")
                    .append(Html.escape(e.arch().toString())).append("</code></td><td>");
            List<String> lines = describe(e.arch());
            for (int i = 0; i < lines.size(); i++) {
                out.append(i == 0 ? "" : "<br>").append(Html.escape(lines.get(i)));
            }
            out.append("</td></tr>\n<tr><td colspan=\"4\">").append(CellDiagram.svg(e.arch())).append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    /** One line per cell: its choices in words and the cells that feed it. */
    static List<String> describe(Architecture arch) {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            CellChoice cell = arch.cell(i);
            List<String> from = new ArrayList<>();
            for (CellDiagram.Edge e : CellDiagram.skipEdges(arch)) {
                if (e.to() == i) {
                    from.add("cell " + e.from());
                }
            }
            String skips = i == 1 ? "" : from.isEmpty() ? ", no skip input" : ", skip from " + String.join(" and ", from);
            lines.add("cell " + i + ": " + String.join(", ", CellDiagram.words(cell)) + skips);
        }
        return lines;
    }

    private static void resets(StringBuilder out, List<Row> rows) {
        out.append("<h2>Dynamic resets</h2>\n");
        List<Row> resets = rows.stream().filter(r -> r.event() == Event.RESET).toList();
        if (resets.isEmpty()) {
            out.append("<p class=\"note\">none</p>\n");
            return;
        }
        out.append("<table>\n<tr><th>#</th><th>iteration</th><th>stage</th><th>D step</th><th>time</th></tr>\n");
        for (int i = 0; i < resets.size(); i++) {
            Row r = resets.get(i);
            out.append("<tr><td>").append(i + 1).append("</td><td>").append(number(r.iteration())).append("</td><td>")
                    .append(number(r.stage())).append("</td><td>").append(number(r.dStep())).append("</td><td>")
                    .append(RunSummary.duration(r.timeS())).append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    private static String number(long value) {
        return value < 0 ? "" : Long.toString(value);
    }

    private static void config(StringBuilder out, Map<String, Object> config) {
        out.append("<h2>Configuration</h2>\n");
        if (config == null) {
            out.append("<p class=\"note\">no config.json in the run directory</p>\n");
            return;
        }
        out.append("<table>\n");
        config.forEach((key, value) -> row(out, key, value instanceof String s ? s : Json.write(value)));
        out.append("</table>\n");
    }

    private static void row(StringBuilder out, String key, String value) {
        out.append("<tr><th>").append(Html.escape(key)).append("</th><td>").append(Html.escape(value))
                .append("</td></tr>\n");
    }
}
