// The ranked architectures of report.html: for each, its rank, the search's reward, the IS, FID (with
// its mode) and KID of the shared weights as that architecture, its parameters and multiply-adds per
// image, the 14 codes as `train --arch` takes them and each cell in words; under it the cell diagram
// (CellDiagram) beside the candidate's sample grid, scaled to the page. While the search runs (no
// topk.json yet) the best controller samples of the current stage stand in, with their rewards only.
package org.autogan4j.report;

import java.util.List;
import java.util.Locale;

final class RankingHtml {
    private RankingHtml() {
    }

    static void write(StringBuilder out, TopK topK) {
        if (topK.fromSearch()) {
            out.append("<h2>Final top-").append(topK.entries().size()).append(" architectures (stage ")
                    .append(topK.stage()).append(")</h2>\n<p class=\"note\">as the search ranked them by reward "
                    + "(topk.json); IS, FID and KID are of the shared weights set to each architecture, on the same "
                    + "images for every one; sizes at the search's widths</p>\n");
        } else {
            out.append("<h2>Best controller samples so far").append(topK.stage() < 0 ? "" : " (stage "
                    + topK.stage() + ")").append("</h2>\n<p class=\"note\">topk.json is not written yet: these are "
                    + "the best distinct architectures the controller sampled in the current stage.</p>\n");
        }
        if (topK.entries().isEmpty()) {
            out.append("<p class=\"note\">no architectures yet</p>\n");
            return;
        }
        out.append("<table class=\"ranking\">\n<tr><th>rank</th><th>reward (IS)</th><th>IS</th><th>FID</th><th>KID</th>"
                + "<th>parameters</th><th>multiply-adds per image</th><th>architecture</th><th>cells</th></tr>\n");
        for (TopK.Entry e : topK.entries()) {
            out.append("<tr><td>").append(e.rank()).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.3f", e.reward())).append("</td><td>")
                    .append(e.isMean() == null ? "" : String.format(Locale.ROOT, "%.3f", e.isMean())).append("</td><td>")
                    .append(fid(e)).append("</td><td>").append(kid(e)).append("</td><td>").append(count(e.parameters()))
                    .append("</td><td>").append(count(e.multiplyAdds())).append("</td><td><code>")
                    .append(Html.escape(e.arch().toString())).append("</code></td><td>");
            List<String> lines = HtmlReport.describe(e.arch());
            for (int i = 0; i < lines.size(); i++) {
                out.append(i == 0 ? "" : "<br>").append(Html.escape(lines.get(i)));
            }
            out.append("</td></tr>\n<tr><td colspan=\"9\"><div class=\"pair\"><div>").append(CellDiagram.svg(e.arch()))
                    .append("</div>");
            if (e.samples() != null) {
                out.append("<div><img class=\"grid\" src=\"").append(Html.escape(e.samples())).append("\" alt=\"samples "
                        + "of rank ").append(e.rank()).append("\"><br><span class=\"note\">")
                        .append(Html.escape(e.samples())).append("</span></div>");
            }
            out.append("</div></td></tr>\n");
        }
        out.append("</table>\n");
    }

    static String fid(TopK.Entry e) {
        return e.fid() == null ? "" : String.format(Locale.ROOT, "%.3f", e.fid())
                + (e.fidMode() == null ? "" : " <span class=\"note\">(" + Html.escape(e.fidMode()) + ")</span>");
    }

    static String kid(TopK.Entry e) {
        return e.kidMean() == null ? "" : String.format(Locale.ROOT, "%.5f", e.kidMean())
                + (e.kidStd() == null ? "" : String.format(Locale.ROOT, " &plusmn; %.5f", e.kidStd()));
    }

    /** n with thousands separators ("1,234,567"), or "" when unknown (-1). */
    static String count(long n) {
        return n < 0 ? "" : String.format(Locale.ROOT, "%,d", n);
    }
}
