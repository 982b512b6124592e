// report.html of a search run: the result first (the final top-1 with its scores and size, and the
// ready-to-run train command; or, while the search runs, that there is no result yet), the progress
// figures, the plots, the ranked architectures (RankingHtml: scores, sizes, codes, cells, diagram and
// sample grid each), the latest sample grid, the list of resets and the config (float settings as their
// shortest decimal). One self-contained page (CSS and SVG inline); only the PNGs are separate files,
// referenced relative to the run directory and scaled to the page. Every piece of run-provided text is
// escaped. Written atomically.
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
import org.autogan4j.io.FloatText;
import org.autogan4j.io.Json;
import org.autogan4j.report.MetricsCsv.Event;
import org.autogan4j.report.MetricsCsv.Row;

public final class HtmlReport {
    public static final String FILE = "report.html";

    private static final String STYLE = "body{font-family:sans-serif;margin:24px;color:#222;max-width:1000px}"
            + "table{border-collapse:collapse;margin:8px 0 16px}td,th{border:1px solid #ccc;padding:4px 8px;"
            + "text-align:left;vertical-align:top}th{background:#f3f3f3}code{font-size:13px}"
            + "img{max-width:100%;border:1px solid #ddd;margin:4px 0}.note{color:#666}"
            + "img.plot{width:100%;height:auto}img.grid{width:100%;max-width:480px;height:auto;"
            + "image-rendering:pixelated}.pair{display:flex;gap:16px;align-items:flex-start}.pair>div{flex:3}.pair>div+div{flex:2}"
            + ".result{background:#f4f8fc;border:1px solid #9dc3e6;padding:8px 16px;margin:8px 0 16px}"
            + "pre{background:#f3f3f3;padding:8px;white-space:pre-wrap;word-break:break-all}";

    /**
     * What the page shows: config (null when config.json is absent), rows, ranking, latest grid (or null),
     * and the train command of the top-1 (null when there is none).
     */
    public record Run(Map<String, Object> config, List<Row> rows, TopK topK, String latestSample, String trainCommand) {
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
        result(out, run);
        summary(out, RunSummary.of(run.rows()));
        out.append("<h2>Plots</h2>\n");
        for (String plot : RunPlots.ALL) {
            out.append("<p><img class=\"plot\" src=\"").append(Html.escape(plot)).append("\" alt=\"")
                    .append(Html.escape(plot)).append("\"></p>\n");
        }
        RankingHtml.write(out, run.topK());
        out.append("<h2>Latest samples of the shared generator</h2>\n");
        if (run.latestSample() == null) {
            out.append("<p class=\"note\">no sample grid yet</p>\n");
        } else {
            out.append("<p><img class=\"grid\" src=\"").append(Html.escape(run.latestSample()))
                    .append("\" alt=\"samples\"><br><span class=\"note\">").append(Html.escape(run.latestSample()))
                    .append(" (the architecture of the controller's last sample)</span></p>\n");
        }
        resets(out, run.rows());
        config(out, run.config());
        return out.append("</body>\n</html>\n").toString();
    }

    /** The headline: the final top-1 and its train command, or that the search has no result yet. */
    private static void result(StringBuilder out, Run run) {
        out.append("<h2>Result</h2>\n<div class=\"result\">\n");
        TopK top = run.topK();
        if (!top.fromSearch() || top.entries().isEmpty()) {
            Object iterations = run.config() == null ? null : run.config().get("max_search_iter");
            out.append("<p>No result yet: the search is still running (").append(RunSummary.of(run.rows()).iterations())
                    .append(iterations instanceof Long n ? " of " + n : "").append(" iterations done). Its answer, the "
                    + "final top-K, is chosen after the last iteration; the table below shows the best samples of the "
                    + "current stage so far.</p>\n</div>\n");
            return;
        }
        TopK.Entry best = top.entries().get(0);
        out.append("<p><b>Final top-1</b> <code>").append(Html.escape(best.arch().toString()))
                .append("</code></p>\n<p>search reward (IS at stage ").append(top.stage()).append(") ")
                .append(String.format(Locale.ROOT, "%.3f", best.reward()));
        if (best.fid() != null) {
            out.append("; FID ").append(RankingHtml.fid(best));
        }
        if (best.kidMean() != null) {
            out.append("; KID ").append(RankingHtml.kid(best));
        }
        if (best.parameters() >= 0) {
            out.append("; ").append(RankingHtml.count(best.parameters())).append(" parameters, ")
                    .append(RankingHtml.count(best.multiplyAdds())).append(" multiply-adds per image");
        }
        out.append("</p>\n");
        if (run.trainCommand() != null) {
            out.append("<p>Train it from scratch:</p>\n<pre><code>").append(Html.escape(run.trainCommand()))
                    .append("</code></pre>\n");
        }
        out.append("</div>\n");
    }

    private static void summary(StringBuilder out, RunSummary s) {
        out.append("<h2>Progress</h2>\n<table>\n");
        row(out, "iterations done", Integer.toString(s.iterations()));
        List<String> stages = new ArrayList<>();
        s.stages().forEach(stage -> stages.add(stage.toString()));
        row(out, "stages", stages.isEmpty() ? "none yet" : String.join(", ", stages));
        row(out, "dynamic resets", Integer.toString(s.resets()));
        row(out, "elapsed time", RunSummary.duration(s.elapsedS()));
        row(out, "D steps", s.dSteps() < 0 ? "none yet" : Long.toString(s.dSteps()));
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
        config.forEach((key, value) -> row(out, key, shown(value)));
        out.append("</table>\n");
    }

    /**
     * A config value as text: a number that is exactly a 32-bit float (lr, beta1, ...: config.json of an
     * older run wrote 2e-4f as 1.9999999494757503E-4) as the float's shortest decimal.
     */
    static String shown(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Double d && Double.isFinite(d) && (double) (float) d.doubleValue() == d) {
            return FloatText.shortest((float) d.doubleValue());
        }
        return Json.write(value);
    }

    private static void row(StringBuilder out, String key, String value) {
        out.append("<tr><th>").append(Html.escape(key)).append("</th><td>").append(Html.escape(value))
                .append("</td></tr>\n");
    }
}
