// An inline SVG drawing of one generator architecture: stem -> cell 1 -> cell 2 -> cell 3 -> to_rgb
// as a row of boxes, each cell listing its choices in words, and the skip connections (spec 1.2:
// the skip integer's least significant bit is the most recent earlier cell) as curved arrows over
// the boxes from the earlier cell into the later one. Each skip arrow is a <path class="skip">
// with data-from and data-to naming its cells. Arrowheads are drawn as polygons (no marker ids),
// so several diagrams can share one page.
package org.autogan4j.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.autogan4j.gan.Architecture;
import org.autogan4j.gan.CellChoice;

public final class CellDiagram {
    private static final int BOX_W = 120;
    private static final int END_W = 90;
    private static final int GAP = 36;
    private static final int BOX_TOP = 78;
    private static final int BOX_H = 92;
    private static final int LINE = 15;
    private static final int HEIGHT = BOX_TOP + BOX_H + 10;

    /** One skip connection: cell from feeds cell to (1-based). */
    public record Edge(int from, int to) {
    }

    private CellDiagram() {
    }

    /** The skip connections of arch, earlier cell first. */
    public static List<Edge> skipEdges(Architecture arch) {
        List<Edge> edges = new ArrayList<>();
        for (int to = 2; to <= 3; to++) {
            boolean[] from = arch.cell(to).skipFrom();
            for (int i = 0; i < from.length; i++) {
                if (from[i]) {
                    edges.add(new Edge(i + 1, to));
                }
            }
        }
        return edges;
    }

    /** The choices of one cell in words: conv block, norm, upsampling, shortcut. */
    public static List<String> words(CellChoice cell) {
        String norm = switch (cell.norm()) {
            case NONE -> "no norm";
            case BN -> "BatchNorm";
            case IN -> "InstanceNorm";
        };
        return List.of(cell.conv() == CellChoice.Conv.PRE ? "pre-act conv" : "post-act conv", norm,
                cell.up().name().toLowerCase(Locale.ROOT) + " up", cell.shortcut() ? "shortcut" : "no shortcut");
    }

    /** The SVG element (no XML prolog), for inlining into HTML. */
    public static String svg(Architecture arch) {
        int width = 2 * END_W + 3 * BOX_W + 4 * GAP + 2;
        StringBuilder out = new StringBuilder();
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"cells\" width=\"").append(width)
                .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(HEIGHT).append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        out.append("<title>").append(Html.escape("generator " + arch)).append("</title>\n");
        box(out, 1, END_W, List.of("stem", "linear z", "reshape"), "#eeeeee");
        for (int i = 1; i <= 3; i++) {
            List<String> lines = new ArrayList<>();
            lines.add("cell " + i);
            lines.addAll(words(arch.cell(i)));
            box(out, left(i), BOX_W, lines, "#e8f0fb");
        }
        box(out, left(4), END_W, List.of("to_rgb", "BN, ReLU", "conv, tanh"), "#eeeeee");
        for (int i = 0; i < 4; i++) {
            int x0 = left(i) + width(i) + 1;
            int x1 = left(i + 1) - 1;
            int y = BOX_TOP + BOX_H / 2;
            out.append("<line x1=\"").append(x0).append("\" y1=\"").append(y).append("\" x2=\"").append(x1 - 6)
                    .append("\" y2=\"").append(y).append("\" stroke=\"#333333\" stroke-width=\"1.5\"/>\n");
            arrowhead(out, x1, y, 1, 0, "#333333");
        }
        for (Edge e : skipEdges(arch)) {
            skip(out, e);
        }
        return out.append("</svg>").toString();
    }

    /** Left edge of box i (0 stem, 1..3 cells, 4 to_rgb). */
    private static int left(int i) {
        return 1 + (i == 0 ? 0 : END_W + GAP + (i - 1) * (BOX_W + GAP));
    }

    private static int width(int i) {
        return i == 0 || i == 4 ? END_W : BOX_W;
    }

    private static void box(StringBuilder out, int x, int w, List<String> lines, String fill) {
        out.append("<rect x=\"").append(x).append("\" y=\"").append(BOX_TOP).append("\" width=\"").append(w)
                .append("\" height=\"").append(BOX_H).append("\" rx=\"6\" fill=\"").append(fill)
                .append("\" stroke=\"#555555\"/>\n");
        int y = BOX_TOP + (BOX_H - lines.size() * LINE) / 2 + LINE - 3;
        for (int i = 0; i < lines.size(); i++) {
            out.append("<text x=\"").append(x + w / 2).append("\" y=\"").append(y + i * LINE)
                    .append("\" text-anchor=\"middle\"").append(i == 0 ? " font-weight=\"bold\"" : "").append('>')
                    .append(Html.escape(lines.get(i))).append("</text>\n");
        }
    }

    /** A cubic curve over the boxes from the top of cell e.from to the top of cell e.to. */
    private static void skip(StringBuilder out, Edge e) {
        double x0 = left(e.from()) + BOX_W / 2.0 + 14;
        double x1 = left(e.to()) + BOX_W / 2.0 - 14;
        double rise = e.to() - e.from() == 1 ? 34 : 66;
        double y = BOX_TOP;
        double c1x = x0 + 10;
        double c2x = x1 - 10;
        double cy = y - rise * 4 / 3;
        String color = e.to() - e.from() == 1 ? "#0072B2" : "#D55E00";
        double dx = x1 - c2x;
        double dy = y - cy;
        double length = Math.hypot(dx, dy);
        double endX = x1 - dx / length * 6;
        double endY = y - dy / length * 6;
        out.append(String.format(Locale.ROOT, "<path class=\"skip\" data-from=\"%d\" data-to=\"%d\" d=\"M %.1f %.1f "
                + "C %.1f %.1f %.1f %.1f %.1f %.1f\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.6\"/>\n", e.from(),
                e.to(), x0, y, c1x, cy, c2x, cy, endX, endY, color));
        arrowhead(out, x1, y, dx / length, dy / length, color);
    }

    /** A filled triangle with its tip at (x, y) pointing along the unit vector (ux, uy). */
    private static void arrowhead(StringBuilder out, double x, double y, double ux, double uy, String color) {
        double bx = x - ux * 8;
        double by = y - uy * 8;
        out.append(String.format(Locale.ROOT, "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\" fill=\"%s\"/>\n", x, y,
                bx - uy * 4, by + ux * 4, bx + uy * 4, by - ux * 4, color));
    }
}
