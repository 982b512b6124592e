// A small line chart drawn with Java2D and written as PNG: a title, a legend row under it, axes with
// "nice" tick values (1, 2, 2.5 or 5 times a power of ten) and light grid lines, axis labels, any
// number of series drawn as lines and/or points, and labelled vertical marker lines (resets, stage
// boundaries). Non-finite values break a line instead of being drawn; a point with no drawable
// neighbour is drawn as a dot so a single-point series still shows. Antialiased, white background.
package org.autogan4j.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;


import org.autogan4j.io.Png;

public final class LinePlot {
    /** How a series is drawn. */
    public enum Style { LINE, POINTS, LINE_AND_POINTS }

    /** Colours given to series in order (a colour-blind-safe set). */
    public static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
        new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9)};

    private static final Color GRID = new Color(0xE6E6E6);
    private static final Color AXIS = new Color(0x333333);
    private static final int MAX_TICKS = 7;
    private static final int PAD = 12;

    private record Series(String name, double[] x, double[] y, Style style, Color color) {
    }

    private record Marker(double x, String label, Color color) {
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private final List<Marker> markers = new ArrayList<>();

    public LinePlot(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /** Adds a series with the next palette colour; x and y have the same length. */
    public LinePlot series(String name, double[] x, double[] y, Style style) {
        return series(name, x, y, style, PALETTE[series.size() % PALETTE.length]);
    }

    /** Adds a series drawn in color; x and y have the same length. */
    public LinePlot series(String name, double[] x, double[] y, Style style, Color color) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series \"" + name + "\" has " + x.length + " x values but "
                    + y.length + " y values");
        }
        series.add(new Series(name, x.clone(), y.clone(), style, color));
        return this;
    }

    /** Adds a vertical dashed line at x with a label beside it. */
    public LinePlot marker(double x, String label, Color color) {
        markers.add(new Marker(x, label, color));
        return this;
    }

    /** What the chart holds, for tests: "series NAME STYLE N" per series, "marker LABEL at X" per marker. */
    List<String> contents() {
        List<String> out = new ArrayList<>();
        series.forEach(s -> out.add("series " + s.name() + " " + s.style() + " " + s.x().length));
        markers.forEach(m -> out.add("marker " + m.label() + " at " + m.x()));
        return out;
    }

    /** Writes the chart as a PNG of width x height pixels, atomically. */
    public void write(Path file, int width, int height) throws IOException {
        Png.write(file, render(width, height));
    }

    /** Draws the chart. */
    public BufferedImage render(int width, int height) {
        if (width < 200 || height < 150) {
            throw new IllegalArgumentException("a plot needs at least 200x150 pixels, got " + width + "x" + height);
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            draw(g, width, height);
        } finally {
            g.dispose();
        }
        return image;
    }

    private void draw(Graphics2D g, int width, int height) {
        Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        Font bold = new Font(Font.SANS_SERIF, Font.BOLD, 15);
        g.setFont(bold);
        FontMetrics titleMetrics = g.getFontMetrics();
        g.setColor(AXIS);
        g.drawString(title, (width - titleMetrics.stringWidth(title)) / 2, PAD + titleMetrics.getAscent());
        g.setFont(small);
        FontMetrics fm = g.getFontMetrics();
        int top = PAD + titleMetrics.getHeight() + 4 + legend(g, width, PAD + titleMetrics.getHeight() + 4) + 6;

        double[] xRange = range(true);
        double[] yRange = range(false);
        boolean empty = xRange == null || yRange == null;
        double[] xTicks = NiceTicks.of(empty ? 0 : xRange[0], empty ? 1 : xRange[1], MAX_TICKS);
        double[] yTicks = NiceTicks.of(empty ? 0 : yRange[0], empty ? 1 : yRange[1], MAX_TICKS);
        int yLabelWidth = 0;
        for (double t : yTicks) {
            yLabelWidth = Math.max(yLabelWidth, fm.stringWidth(NiceTicks.format(t, yTicks)));
        }
        int left = PAD + fm.getHeight() + 6 + yLabelWidth + 6;
        int right = width - PAD - 8;
        int bottom = height - PAD - 2 * fm.getHeight() - 6;
        Frame frame = new Frame(left, top, right, bottom, xTicks[0], xTicks[xTicks.length - 1], yTicks[0],
                yTicks[yTicks.length - 1]);
        axes(g, fm, frame, xTicks, yTicks);

        g.setColor(AXIS);
        g.drawString(xLabel, (left + right - fm.stringWidth(xLabel)) / 2, height - PAD - fm.getDescent());
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2);
        g.drawString(yLabel, -(top + bottom + fm.stringWidth(yLabel)) / 2, PAD + fm.getAscent());
        g.setTransform(saved);
        if (empty) {
            String text = "no data yet";
            g.drawString(text, (left + right - fm.stringWidth(text)) / 2, (top + bottom) / 2);
            return;
        }
        g.setClip(left, top, right - left + 1, bottom - top + 1);
        markers(g, fm, frame);
        for (Series s : series) {
            plot(g, frame, s);
        }
        g.setClip(null);
    }

    /** Draws the legend row(s) starting at y; returns their height. */
    private int legend(Graphics2D g, int width, int y) {
        FontMetrics fm = g.getFontMetrics();
        int rowHeight = fm.getHeight();
        int x = PAD;
        int rows = series.isEmpty() ? 0 : 1;
        for (Series s : series) {
            int entry = 22 + fm.stringWidth(s.name) + 16;
            if (x + entry > width - PAD && x > PAD) {
                x = PAD;
                rows++;
            }
            int baseline = y + (rows - 1) * rowHeight + fm.getAscent();
            int mid = baseline - fm.getAscent() / 2 + 1;
            g.setColor(s.color);
            if (s.style != Style.POINTS) {
                g.setStroke(new BasicStroke(2f));
                g.draw(new Line2D.Double(x, mid, x + 16, mid));
            }
            if (s.style != Style.LINE) {
                g.fill(new Ellipse2D.Double(x + 8 - 3.5, mid - 3.5, 7, 7));
            }
            g.setColor(AXIS);
            g.drawString(s.name, x + 22, baseline);
            x += entry;
        }
        return rows * rowHeight;
    }

    private void axes(Graphics2D g, FontMetrics fm, Frame f, double[] xTicks, double[] yTicks) {
        g.setStroke(new BasicStroke(1f));
        for (double t : xTicks) {
            int x = (int) Math.round(f.px(t));
            g.setColor(GRID);
            g.drawLine(x, f.top, x, f.bottom);
            g.setColor(AXIS);
            g.drawLine(x, f.bottom, x, f.bottom + 4);
            String label = NiceTicks.format(t, xTicks);
            g.drawString(label, x - fm.stringWidth(label) / 2, f.bottom + 6 + fm.getAscent());
        }
        for (double t : yTicks) {
            int y = (int) Math.round(f.py(t));
            g.setColor(GRID);
            g.drawLine(f.left, y, f.right, y);
            g.setColor(AXIS);
            g.drawLine(f.left - 4, y, f.left, y);
            String label = NiceTicks.format(t, yTicks);
            g.drawString(label, f.left - 6 - fm.stringWidth(label), y + fm.getAscent() / 2 - 1);
        }
        g.setColor(AXIS);
        g.drawRect(f.left, f.top, f.right - f.left, f.bottom - f.top);
    }

    private void markers(Graphics2D g, FontMetrics fm, Frame f) {
        g.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
        for (Marker m : markers) {
            if (!Double.isFinite(m.x)) {
                continue;
            }
            double x = f.px(m.x);
            g.setColor(m.color);
            g.draw(new Line2D.Double(x, f.top, x, f.bottom));
            AffineTransform saved = g.getTransform();
            g.translate(x + 3 + fm.getAscent(), f.top + 4);
            g.rotate(Math.PI / 2);
            g.drawString(m.label, 0, 0);
            g.setTransform(saved);
        }
    }

    private static void plot(Graphics2D g, Frame f, Series s) {
        g.setColor(s.color);
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        int n = s.x.length;
        Path2D.Double path = new Path2D.Double();
        for (int i = 0; i < n; i++) {
            if (!finite(s, i)) {
                continue;
            }
            boolean joinsPrevious = i > 0 && finite(s, i - 1);
            boolean joinsNext = i + 1 < n && finite(s, i + 1);
            double x = f.px(s.x[i]);
            double y = f.py(s.y[i]);
            if (s.style != Style.LINE || !joinsPrevious && !joinsNext) {
                double r = s.style == Style.LINE ? 2.5 : 3.5;
                g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
            }
            if (joinsPrevious) {
                path.lineTo(x, y);
            } else {
                path.moveTo(x, y);
            }
        }
        if (s.style != Style.POINTS) {
            g.draw(path);
        }
    }

    private static boolean finite(Series s, int i) {
        return Double.isFinite(s.x[i]) && Double.isFinite(s.y[i]);
    }

    /** {min, max} of the finite values on one axis (markers count on x), or null when there are none. */
    private double[] range(boolean xAxis) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.x.length; i++) {
                if (finite(s, i)) {
                    double v = xAxis ? s.x[i] : s.y[i];
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo > hi) {
            return null;
        }
        if (xAxis) {
            for (Marker m : markers) {
                if (Double.isFinite(m.x)) {
                    lo = Math.min(lo, m.x);
                    hi = Math.max(hi, m.x);
                }
            }
        }
        return new double[] {lo, hi};
    }

    /** The plot area in pixels and the data range it shows. */
    private record Frame(int left, int top, int right, int bottom, double x0, double x1, double y0, double y1) {
        double px(double x) {
            return left + (x - x0) / (x1 - x0) * (right - left);
        }

        double py(double y) {
            return bottom - (y - y0) / (y1 - y0) * (bottom - top);
        }
    }
}
