// LinePlot: the PNG has the asked size, white background, and the series' colour where the series
// is: a rising line is higher on the right, a NaN breaks the line, a single point still shows, a
// marker draws its vertical line. NiceTicks: tick values and labels for a few ranges.
package org.autogan4j.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinePlotTest {
    private static final Color RED = new Color(255, 0, 0);
    private static final Color BLUE = new Color(0, 0, 255);
    /** Rows above this hold the title and the legend (whose sample lines use the series colours). */
    private static final int BELOW_LEGEND = 50;

    @TempDir
    Path dir;

    @Test
    void pngHasTheSizeAndARisingLineWhereExpected() throws IOException {
        Path file = dir.resolve("plots/line.png");
        new LinePlot("rising", "x", "y").series("line", new double[] {0, 10}, new double[] {0, 10},
                LinePlot.Style.LINE, RED).write(file, 640, 300);
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(640, image.getWidth());
        assertEquals(300, image.getHeight());
        assertEquals(Color.WHITE.getRGB(), image.getRGB(2, 2));
        assertEquals(Color.WHITE.getRGB(), image.getRGB(637, 297));
        int[] columns = redColumns(image);
        int first = columns[0];
        int last = columns[1];
        assertTrue(last - first > 400, "the line spans most of the width: " + first + ".." + last);
        int leftRow = redRow(image, first + (last - first) / 4);
        int rightRow = redRow(image, first + 3 * (last - first) / 4);
        assertTrue(leftRow > rightRow + 80, "rising line: row " + leftRow + " on the left, " + rightRow + " right");
        assertFalse(isRed(image.getRGB(first + 3 * (last - first) / 4, leftRow)), "no red below the line");
        assertTrue(whiteFraction(image) > 0.6, "mostly white background");
    }

    @Test
    void nanBreaksTheLine() {
        double[] x = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        double[] y = {5, 5, 5, 5, 5, Double.NaN, 5, 5, 5, 5, 5};
        BufferedImage image = new LinePlot("gap", "x", "y").series("flat", x, y, LinePlot.Style.LINE, RED)
                .series("empty", new double[0], new double[0], LinePlot.Style.LINE).render(800, 400);
        int[] columns = redColumns(image);
        int middle = (columns[0] + columns[1]) / 2;
        assertTrue(redRow(image, columns[0] + 5) > 0 && redRow(image, columns[1] - 5) > 0);
        assertEquals(-1, redRow(image, middle), "no red at x = 5 where y is NaN");
    }

    @Test
    void singlePointIsDrawn() {
        BufferedImage image = new LinePlot("one", "x", "y").series("one", new double[] {3}, new double[] {7.5},
                LinePlot.Style.LINE, RED).render(800, 400);
        int[] columns = redColumns(image);
        assertTrue(columns[0] >= 0 && columns[1] - columns[0] < 12, "a dot: " + columns[0] + ".." + columns[1]);
    }

    @Test
    void markerDrawsAVerticalLineAndEmptyPlotsRender() {
        BufferedImage image = new LinePlot("marked", "x", "y").series("s", new double[] {0, 10},
                new double[] {1, 2}, LinePlot.Style.POINTS, RED).marker(5, "reset", BLUE).render(800, 400);
        int blueRows = 0;
        int column = -1;
        for (int x = 0; x < image.getWidth(); x++) {
            int count = 0;
            for (int y = BELOW_LEGEND; y < image.getHeight(); y++) {
                Color c = new Color(image.getRGB(x, y));
                count += c.getRed() < 128 && c.getGreen() < 128 && c.getBlue() > 200 ? 1 : 0;
            }
            if (count > blueRows) {
                blueRows = count;
                column = x;
            }
        }
        assertTrue(blueRows > 100, "a dashed vertical line: " + blueRows + " blue pixels in column " + column);
        BufferedImage empty = new LinePlot("nothing", "x", "y").series("none", new double[] {Double.NaN},
                new double[] {1}, LinePlot.Style.LINE, RED).render(800, 400);
        assertEquals(-1, redColumns(empty)[0]);
    }

    @Test
    void niceTicks() {
        assertArrayEquals(new double[] {0, 2, 4, 6, 8}, NiceTicks.of(0, 7.3, 6), 1e-12);
        assertArrayEquals(new double[] {0, 0.2, 0.4, 0.6, 0.8, 1.0}, NiceTicks.of(0.13, 0.87, 7), 1e-12);
        assertArrayEquals(new double[] {4.4, 4.6, 4.8, 5.0, 5.2, 5.4, 5.6}, NiceTicks.of(5, 5, 7), 1e-12);
        assertArrayEquals(new double[] {0, 2000, 4000, 6000, 8000, 10000, 12000}, NiceTicks.of(0, 11730, 7), 1e-9);
        double[] quarter = {0, 0.25, 0.5};
        assertEquals("0.25", NiceTicks.format(0.25, quarter));
        assertEquals("0.50", NiceTicks.format(0.5, quarter));
        assertEquals("2.5", NiceTicks.format(2.5, NiceTicks.of(0, 9, 5)));
        assertEquals("12000", NiceTicks.format(12000, NiceTicks.of(0, 11730, 7)));
        assertEquals("4.4", NiceTicks.format(4.4000000000000004, NiceTicks.of(5, 5, 7)));
        assertEquals("0.00", NiceTicks.format(-1e-17, quarter));
    }

    /** {first, last} column holding pure red, or {-1, -1}. */
    private static int[] redColumns(BufferedImage image) {
        int first = -1;
        int last = -1;
        for (int x = 0; x < image.getWidth(); x++) {
            if (redRow(image, x) >= 0) {
                first = first < 0 ? x : first;
                last = x;
            }
        }
        return new int[] {first, last};
    }

    /** The first row of column x below the legend holding pure red, or -1. */
    private static int redRow(BufferedImage image, int x) {
        for (int y = BELOW_LEGEND; y < image.getHeight(); y++) {
            if (isRed(image.getRGB(x, y))) {
                return y;
            }
        }
        return -1;
    }

    private static boolean isRed(int rgb) {
        return rgb == RED.getRGB();
    }

    private static double whiteFraction(BufferedImage image) {
        long white = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                white += image.getRGB(x, y) == Color.WHITE.getRGB() ? 1 : 0;
            }
        }
        return white / (double) (image.getWidth() * image.getHeight());
    }
}
