// RunReport / HtmlReport / the `report` command on a synthetic run directory: the plots and
// report.html are written; the page opens with the final top-1 (scores, size, train command), holds
// the progress figures, the ranked architectures with their grids, the latest sample grid and the
// escaped config (float settings as their shortest decimal); the plots hold the entropy, the stage
// boundaries and IS as points; without topk.json the best controller samples of the latest stage stand
// in under "no result yet"; a directory without metrics.csv is a clear error.
package org.autogan4j.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.autogan4j.cli.Main;
import org.autogan4j.gan.Architecture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportTest {
    static final String SECOND = "0-1-0-0-1-0-0-0-0-0-0-0-0-0";
    static final String THIRD = "1-2-2-1-0-0-0-0-0-0-0-0-0-0";

    @TempDir
    Path run;

    @Test
    void writesPlotsAndReport() throws IOException {
        syntheticRun(true);
        Path report = RunReport.write(run);
        assertEquals(run.resolve("report.html"), report);
        for (String plot : RunPlots.ALL) {
            BufferedImage image = ImageIO.read(run.resolve(plot).toFile());
            assertEquals(RunPlots.WIDTH, image.getWidth(), plot);
            assertEquals(RunPlots.HEIGHT, image.getHeight(), plot);
        }
        String html = Files.readString(report);
        int headline = html.indexOf("<b>Final top-1</b> <code>" + Architecture.TOP1 + "</code>");
        assertTrue(headline > 0 && headline < html.indexOf("<h2>Progress</h2>"), "the final top-1 comes first");
        assertTrue(html.contains("search reward (IS at stage 2) 7.125; FID 12.420 <span class=\"note\">(pytorch-fid)"
                + "</span>; KID 0.00123 &plusmn; 0.00020; 4,405,251 parameters, 1,234,567,890 multiply-adds per image"),
                "its scores and size");
        assertTrue(html.contains("<pre><code>autogan4j train --arch runs/x --preset paper-cifar10 --out runs/x-top1"
                + "</code></pre>"), "the train command");
        assertFalse(html.contains("best reward"), "no headline of the best stage-1 sample");
        int top1 = html.indexOf("<code>" + Architecture.TOP1 + "</code></td>");
        int top2 = html.indexOf("<code>0,0,0,0,0,0,0,0,0,0,0,0,0,1</code></td>");
        assertTrue(top1 > 0 && top2 > top1, "top-1 arch, listed by rank");
        assertTrue(html.contains("<img class=\"grid\" src=\"samples/final-1.png\""), "the top-1's sample grid");
        assertTrue(html.contains("<tr><th>dynamic resets</th><td>2</td></tr>"), "reset count");
        assertTrue(html.contains("<tr><th>iterations done</th><td>3</td></tr>"));
        assertTrue(html.contains("<tr><th>stages</th><td>0, 1</td></tr>"));
        assertTrue(html.contains("<tr><th>elapsed time</th><td>1 h 01 min 05 s</td></tr>"));
        assertTrue(html.contains("<h2>Final top-2 architectures (stage 2)</h2>"));
        assertTrue(html.contains("<img class=\"grid\" src=\"samples/iter-010.png\""), "latest sample grid");
        assertTrue(html.contains("<img class=\"plot\" src=\"plots/entropy.png\""));
        assertTrue(html.contains("<td>1</td><td>0</td><td>0</td><td>2600</td><td>8 s</td>"), "first reset row");
        assertTrue(html.contains("<th>dataset</th><td>&lt;b&gt;cifar&amp;&quot;10&quot;&#39;</td>"), "escaped config");
        assertFalse(html.contains("<b>cifar"));
        assertTrue(html.contains("<tr><th>topk</th><td>2</td></tr>"));
        assertTrue(html.contains("<tr><th>lr</th><td>2.0E-4</td></tr>"), "a float setting as its shortest decimal");
        assertTrue(html.contains("<tr><th>dynamic_reset_threshold</th><td>0.001</td></tr>"), "a double as written");
        assertEquals(2, html.split("<svg ", -1).length - 1, "one cell diagram per ranked architecture");
    }

    @Test
    void aTopkJsonWithoutItsTrainCommandGetsOneFromConfigJson() throws IOException {
        syntheticRun(true);
        Files.writeString(run.resolve("config.json"), "{\"preset\":\"fmnist\",\"dataset\":\"fashion-mnist\","
                + "\"data\":\"my data\"}");
        Files.writeString(run.resolve("topk.json"), "{\"stage\": 2, \"architectures\": [{\"rank\": 1, \"arch\": "
                + "[1,0,1,1,1,0,0,1,1,1,0,1,0,3], \"reward\": 7.125}]}");
        String html = Files.readString(RunReport.write(run));
        assertTrue(html.contains("<pre><code>autogan4j train --arch " + run + " --preset fmnist --dataset fashion-mnist "
                + "--data &#39;my data&#39; --out " + run.resolveSibling(run.getFileName() + "-top1") + "</code></pre>"),
                html);
        assertTrue(html.contains("search reward (IS at stage 2) 7.125</p>"), "an older topk.json has no scores to show");
        assertFalse(html.contains("<th>FID</th>") || html.contains("<th>parameters</th>"), "nor empty columns");
    }

    @Test
    void thePlotsShowEntropyStagesAndPoints() throws IOException {
        syntheticRun(true);
        List<MetricsCsv.Row> rows = MetricsCsv.read(run.resolve("metrics.csv"));
        assertEquals(List.of("series entropy LINE 4", "marker stage 1 at 1.5"), RunPlots.entropy(rows).contents());
        assertEquals(List.of("series d_loss LINE 3", "series g_loss LINE 3", "marker stage 1 at 40.0",
                "marker reset at 2600.0", "marker reset at 6000.0"), RunPlots.losses(rows).contents(),
                "the stage boundary at the last D step of stage 0");
        assertEquals(List.of("series controller sample POINTS 4", "series iteration mean POINTS 3",
                "series growth candidate POINTS 1", "series final top-K POINTS 1"), RunPlots.inceptionScore(rows)
                .contents().stream().filter(c -> c.startsWith("series")).toList(), "IS over time as points only");
    }

    @Test
    void withoutTopkJsonTheBestSamplesOfTheLatestStageAreRanked() throws IOException {
        syntheticRun(false);
        String html = Files.readString(RunReport.write(run));
        assertTrue(html.contains("Best controller samples so far (stage 1)"));
        assertTrue(html.contains("<p>No result yet: the search is still running (3 iterations done)."), "no headline");
        int second = html.indexOf("<code>" + SECOND.replace('-', ',') + "</code>");
        int third = html.indexOf("<code>" + THIRD.replace('-', ',') + "</code>");
        assertTrue(second > 0 && third > second, "ranked by reward, best first");
        assertFalse(html.contains("<code>1,0,1,1,0,0,0,0,0,0,0,0,0,0</code>"), "stage-0 samples are not ranked");
        assertFalse(html.contains("samples/"), "no sample grids in this run");
    }

    @Test
    void missingMetricsIsAClearError() throws IOException {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunReport.write(run));
        assertTrue(e.getMessage().startsWith("no metrics.csv in " + run), e.getMessage());
        assertEquals(1, Main.run(new Main(), "report", run.toString()));
        syntheticRun(false);
        assertEquals(0, Main.run(new Main(), "report", run.toString()));
        assertTrue(Files.isRegularFile(run.resolve("report.html")));
    }

    @Test
    void escapesMarkup() {
        assertEquals("a&lt;b&gt; &amp;amp; &quot;q&quot; &#39;s&#39;", Html.escape("a<b> &amp; \"q\" 's'"));
        assertEquals("plain", Html.escape("plain"));
    }

    private void syntheticRun(boolean finished) throws IOException {
        Files.writeString(run.resolve("config.json"), "{\"dataset\":\"<b>cifar&\\\"10\\\"'\",\"topk\":2,"
                + "\"grow_steps\":[15,35],\"lr\":1.9999999494757503E-4,\"dynamic_reset_threshold\":0.001}");
        StringBuilder csv = new StringBuilder(MetricsCsv.OLD_HEADER).append('\n');
        csv.append("2,0,0,shared,20,1.5,-0.25,,,,\n4,0,0,shared,40,1.25,-0.5,,,,\n8,0,0,reset,2600,,,,,,\n");
        csv.append("9,0,0,controller,,,,3.5,3.25,4.1,1-0-1-1-0-0-0-0-0-0-0-0-0-0\n");
        csv.append("10,0,0,iteration,2600,,,3.5,,,\n");
        csv.append("20,1,0,grow,,,,2.75,,,0-2-2-0-0-0-0-0-0-0-0-0-0-0\n");
        csv.append("25,1,1,shared,4000,1.0,-0.75,,,,\n");
        csv.append("30,1,1,controller,,,,4.5,3.5,5.5,").append(THIRD).append('\n');
        csv.append("31,1,1,controller,,,,5.25,3.75,5.25,").append(SECOND).append('\n');
        csv.append("32,1,1,controller,,,,4.75,4,5,").append(THIRD).append('\n');
        csv.append("40,1,1,iteration,5200,,,4.83,,,\n3000,2,1,reset,6000,,,,,,\n3665,2,1,iteration,7000,,,5,,,\n");
        if (finished) {
            csv.append("3665,2,1,final,,,,7.125,,,1-0-1-1-1-0-0-1-1-1-0-1-0-3\n");
            Files.writeString(run.resolve("topk.json"), "{\"stage\": 2, \"train_command\": \"autogan4j train --arch "
                    + "runs/x --preset paper-cifar10 --out runs/x-top1\", \"architectures\": [{\"rank\": 2, \"arch\": "
                    + "[0,0,0,0,0,0,0,0,0,0,0,0,0,1], \"reward\": 6.5}, {\"rank\": 1, \"arch\": "
                    + "[1,0,1,1,1,0,0,1,1,1,0,1,0,3], \"reward\": 7.125, \"parameters\": 4405251, \"multiply_adds\": "
                    + "1234567890, \"is_mean\": 7.5, \"fid\": 12.42, \"fid_mode\": \"pytorch-fid\", \"kid_mean\": "
                    + "0.00123, \"kid_std\": 0.0002, \"samples\": \"samples/final-1.png\"}]}");
            Files.createDirectories(run.resolve("samples"));
            for (String name : new String[] {"iter-000.png", "iter-002.png", "iter-010.png", "notes.txt"}) {
                ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png",
                        run.resolve("samples").resolve(name).toFile());
            }
        }
        Files.writeString(run.resolve("metrics.csv"), csv);
    }
}
