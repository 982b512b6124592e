// The ranked architectures of report.html: for each, its rank, the search's reward, the IS, FID (with
// its mode) and KID of the shared weights as that architecture, its parameters and multiply-adds per
// image (columns that no entry has are left out: an older topk.json, a running search), the 14 codes
// as `train --arch` takes them and each cell in words; under it the cell diagram
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
        boolean scores = topK.entries().stream().anyMatch(e -> e.fid() != null || e.isMean() != null);
        boolean sizes = topK.entries().stream().anyMatch(e -> e.parameters() >= 0);
        out.append("<table class=\"ranking\">\n<tr><th>rank</th><th>reward (IS)</th>")
                .append(scores ? "<th>IS</th><th>FID</th><th>KID</th>" : "")
                .append(sizes ? "<th>parameters</th><th>multiply-adds per image</th>" : "")
                .append("<th>architecture</th><th>cells</th></tr>\n");
        int columns = 4 + (scores ? 3 : 0) + (sizes ? 2 : 0);
        for (TopK.Entry e : topK.entries()) {
            out.append("<tr><td>").append(e.rank()).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.3f", e.reward())).append("</td>");
            if (scores) {
                out.append("<td>").append(e.isMean() == null ? "" : String.format(Locale.ROOT, "%.3f", e.isMean()))
                        .append("</td><td>").append(fid(e)).append("</td><td>").append(kid(e)).append("</td>");
            }
            if (sizes) {
                out.append("<td>").append(count(e.parameters())).append("</td><td>").append(count(e.multiplyAdds()))
                        .append("</td>");
            }
            out.append("<td><code>").append(Html.escape(e.arch().toString())).append("</code></td><td>");
            List<String> lines = HtmlReport.describe(e.arch());
            for (int i = 0; i < lines.size(); i++) {
                out.append(i == 0 ? "" : "<br>").append(Html.escape(lines.get(i)));
            }
            out.append("</td></tr>\n<tr><td colspan=\"").append(columns).append("\"><div class=\"pair\"><div>").append(CellDiagram.svg(e.arch()))
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
