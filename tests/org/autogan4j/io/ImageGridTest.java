// PNG sample grids read back with ImageIO: the layout (8 per row, 2-pixel black border), the
// value conversion x * 127.5 + 127.5 clamped and truncated, gray and RGB, and bad shapes.
package org.autogan4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.autogan4j.testing.Tensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageGridTest {
    @TempDir
    Path dir;

    @Test
    void conversionClampsAndTruncates() {
        assertEquals(0, ImageGrid.toByte(-1f));
        assertEquals(255, ImageGrid.toByte(1f));
        assertEquals(127, ImageGrid.toByte(0f), "127.5 truncates to 127");
        assertEquals(191, ImageGrid.toByte(0.5f), "191.25");
        assertEquals(63, ImageGrid.toByte(-0.5f), "63.75");
        assertEquals(255, ImageGrid.toByte(3f));
        assertEquals(0, ImageGrid.toByte(-2f));
    }

    @Test
    void grayGridOf64ImagesHasTheLayoutAndValues() throws IOException {
        int n = 64;
        float[] x = new float[n * 3 * 3];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 9; k++) {
                x[i * 9 + k] = -1f + (i + k) / 40f;
            }
        }
        Path file = dir.resolve("grid.png");
        try (Tensors t = new Tensors()) {
            ImageGrid.write(file, t.of(x, n, 1, 3, 3));
        }
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(8 * 5 + 2, image.getWidth());
        assertEquals(8 * 5 + 2, image.getHeight());
        Raster r = image.getRaster();
        assertEquals(1, r.getNumBands());
        for (int i = 0; i < n; i++) {
            int left = 2 + (i % 8) * 5;
            int top = 2 + (i / 8) * 5;
            for (int k = 0; k < 9; k++) {
                assertEquals(ImageGrid.toByte(x[i * 9 + k]), r.getSample(left + k % 3, top + k / 3, 0), "image " + i);
            }
            assertEquals(0, r.getSample(left - 1, top, 0), "border left of image " + i);
            assertEquals(0, r.getSample(left + 3, top + 3, 0), "border after image " + i);
        }
    }

    @Test
    void rgbGridKeepsChannelOrder() throws IOException {
        float[] x = {1f, -1f, 0f, -1f, 1f, 0.5f};
        Path file = dir.resolve("rgb.png");
        ImageGrid.write(file, x, 2, 3, 1, 1);
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(2 * 3 + 2, image.getWidth());
        assertEquals(1 + 4, image.getHeight());
        assertEquals(0xFF0000 | 127, image.getRGB(2, 2) & 0xFFFFFF, "image 0: red 255, green 0, blue 127");
        assertEquals(0x00FF00 | 191, image.getRGB(5, 2) & 0xFFFFFF, "image 1: green 255, blue 191");
        assertEquals(0, image.getRGB(0, 0) & 0xFFFFFF, "black border");
    }

    @Test
    void badShapesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.write(dir.resolve("a.png"), new float[8], 2, 2, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.write(dir.resolve("b.png"), new float[7], 2, 1, 2, 2));
    }
}
