// PIPE/report.html of a finished pipeline: the winner (its architecture, its final score from
// winner.json beside its last training evaluation, its last sample grid, the train command that trains it again on its own), every candidate's screening scores,
// parameters and multiply-adds per image (gan.GeneratorCost at its train widths)
// and FID / IS curves (plots/fid.png, plots/is.png, drawn from the candidates' metrics.csv), and the
// search's summary (its final top-K with rewards) with a link to the search's own report, rewritten
// here. Written atomically; it only reads the runs.
package org.autogan4j.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.autogan4j.gan.Architecture;
import org.autogan4j.gan.GeneratorCost;
import org.autogan4j.io.AtomicFile;
import org.autogan4j.io.FloatText;
import org.autogan4j.report.Html;
import org.autogan4j.report.LinePlot;
import org.autogan4j.report.TopK;

final class PipelineReport {
    static final String FILE = "report.html";
    private static final int WIDTH = 800;
    private static final int HEIGHT = 400;

    private PipelineReport() {
    }

    static Path write(Path root, PipelineSettings settings, PipelineState state) throws IOException {
        Files.createDirectories(root.resolve("plots"));
        LinePlot fid = new LinePlot("FID of every candidate (lower is better)", "G step", "FID");
        LinePlot is = new LinePlot("Inception-style score of every candidate (higher is better)", "G step", "IS");
        for (PipelineState.Candidate c : state.candidates()) {
            List<PipelineScores.Point> curve = PipelineScores.curve(candidate(root, c.rank()));
            double[] x = curve.stream().mapToDouble(PipelineScores.Point::gStep).toArray();
            String name = "rank " + c.rank() + (c.rank() == state.winner() ? " (winner)" : "");
            fid.series(name, x, curve.stream().mapToDouble(PipelineScores.Point::fid).toArray(),
                    LinePlot.Style.LINE_AND_POINTS);
            is.series(name, x, curve.stream().mapToDouble(PipelineScores.Point::isMean).toArray(),
                    LinePlot.Style.LINE_AND_POINTS);
        }
        fid.write(root.resolve("plots/fid.png"), WIDTH, HEIGHT);
        is.write(root.resolve("plots/is.png"), WIDTH, HEIGHT);
        ReportJob.write(root.resolve("search"));
        Path file = root.resolve(FILE);
        AtomicFile.write(file, html(root, settings, state).getBytes(StandardCharsets.UTF_8));
        return file;
    }

    private static Path candidate(Path root, int rank) {
        return root.resolve("candidates").resolve("rank-" + rank);
    }

    private static String html(Path root, PipelineSettings settings, PipelineState state) throws IOException {
        PipelineState.Candidate w = state.winning();
        PipelineState.Candidate last = PipelineScores.at(candidate(root, w.rank()), settings.finalSteps(), w.rank(),
                w.arch());
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>autogan4j "
                + "pipeline</title></head><body>\n<h1>autogan4j pipeline: " + Html.escape(root.getFileName().toString())
                + "</h1>\n");
        PipelineScores.Final score = PipelineScores.Final.read(root.resolve(PipelineStages.WINNER_SCORE));
        out.append("<h2>Winner</h2>\n<p>Rank ").append(w.rank()).append(" of the search's top-K, architecture <code>")
                .append(Html.escape(w.arch())).append("</code>, picked by its FID after ").append(w.gSteps())
                .append(" G steps, then trained on to ").append(settings.finalSteps()).append(" G steps.</p>\n");
        out.append("<p><b>Final score</b> (its EMA generator at G step ").append(score.gStep()).append(", ")
                .append(score.images()).append(" images): ").append(scores(score.fid(), score.fidMode(),
                        score.isMean(), score.isStd(), score.kidMean())).append(".<br>At its last training evaluation (")
                .append(settings.train().evalImages()).append(" images): ").append(scores(last)).append(".</p>\n");
        String grid = String.format(Locale.ROOT, "candidates/rank-%d/samples/g%07d.png", w.rank(), settings.finalSteps());
        out.append("<p><img src=\"").append(grid).append("\" alt=\"the winner's samples\"></p>\n");
        out.append("<p>Train it again on its own:</p>\n<pre>").append(Html.escape(trainCommand(settings, w.arch())))
                .append("</pre>\n");
        out.append("<h2>Candidates</h2>\n<table border=\"1\" cellpadding=\"4\"><tr><th>rank</th><th>architecture</th>"
                + "<th>G steps</th><th>scores</th><th>parameters</th><th>multiply-adds per image</th><th>run</th></tr>\n");
        for (PipelineState.Candidate c : state.candidates()) {
            GeneratorCost size = GeneratorCost.of(TrainSettings.load(candidate(root, c.rank()).resolve(RunFolder.CONFIG))
                    .gan(), Architecture.parse(c.arch()));
            out.append("<tr><td>").append(c.rank()).append(c.rank() == w.rank() ? " (winner)" : "").append("</td><td><code>")
                    .append(Html.escape(c.arch())).append("</code></td><td>").append(c.gSteps()).append("</td><td>")
                    .append(scores(c)).append("</td><td>").append(size.parameters()).append("</td><td>")
                    .append(size.multiplyAdds()).append("</td><td><a href=\"candidates/rank-").append(c.rank())
                    .append("/metrics.csv\">metrics.csv</a></td></tr>\n");
        }
        out.append("</table>\n<p><img src=\"plots/fid.png\" alt=\"FID curves\"><br><img src=\"plots/is.png\" "
                + "alt=\"IS curves\"></p>\n");
        out.append("<h2>Search</h2>\n<p>").append(settings.search().maxSearchIter()).append(" iterations on ")
                .append(Html.escape(settings.search().dataset())).append("; its final top-K by reward:</p>\n<ol>\n");
        for (TopK.Entry e : TopK.read(root.resolve("search/topk.json")).entries()) {
            out.append(String.format(Locale.ROOT, "<li><code>%s</code>, reward %.4f</li>%n", Html.escape(e.arch()
                    .toString()), e.reward()));
        }
        out.append("</ol>\n<p>The search's own report: <a href=\"search/report.html\">search/report.html</a>.</p>\n"
                + "</body></html>\n");
        return out.toString();
    }

    private static String scores(PipelineState.Candidate c) {
        return scores(c.fid(), c.fidMode(), c.isMean(), c.isStd(), c.kidMean());
    }

    private static String scores(Double fid, String fidMode, Double isMean, Double isStd, Double kidMean) {
        return String.format(Locale.ROOT, "FID %s (%s), IS %s &plusmn; %s, KID %s", number(fid), Html.escape(fidMode),
                number(isMean), number(isStd), number(kidMean));
    }

    private static String number(Double v) {
        return v == null ? "none" : String.format(Locale.ROOT, "%.4f", v);
    }

    /** The train command of arch with the pipeline's train numbers, to the full budget. */
    static String trainCommand(PipelineSettings settings, String arch) {
        TrainSettings t = settings.train();
        return String.format(Locale.ROOT, "autogan4j train --arch %s --out runs/winner --dataset %s --steps %d "
                + "--eval-every %d --eval-images %d --latent %d --gf %d --df %d --n-critic %d --lr %s --ema %s "
                + "--seed %d", arch, t.dataset(), settings.finalSteps(), t.evalEvery(), t.evalImages(),
                t.config().latentDim(), t.config().gfDim(), t.config().dfDim(), t.config().nCritic(),
                FloatText.shortest(t.config().lr()), FloatText.shortest(t.config().emaDecay()),
                t.seed());
    }
}
