// PNG sample grids: images x (N, C, H, W) in [-1, 1] with C = 1 (gray) or 3 (RGB), 8 per row (an
// 8x8 grid for 64 samples), a 2-pixel black border around and between them, as torchvision's
// make_grid(padding=2) lays them out. Values become bytes as AutoGAN's evaluation does (spec 7):
// x * 127.5 + 127.5, clamped to [0, 255], truncated. Encoded in memory (Png; the bytes also serve
// TensorBoard image events), then written atomically.
package org.autogan4j.io;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Path;

import org.autogan4j.tensor.Tensor;

public final class ImageGrid {
    public static final int PER_ROW = 8;
    public static final int BORDER = 2;

    private ImageGrid() {
    }

    /** The byte that value x in [-1, 1] becomes. */
    public static int toByte(float x) {
        float v = x * 127.5f + 127.5f;
        return (int) Math.max(0f, Math.min(255f, v));
    }

    /** A grid encoded as PNG bytes, with its size and channels (what a TensorBoard image event needs). */
    public record Encoded(byte[] png, int height, int width, int channels) {
    }

    /** Writes x (N, C, H, W) as a grid PNG to file (copies x to the host). */
    public static void write(Path file, Tensor x) throws IOException {
        AtomicFile.write(file, encode(x).png());
    }

    /** x (N, C, H, W) as a grid, encoded (copies x to the host). */
    public static Encoded encode(Tensor x) throws IOException {
        if (x.shape().rank() != 4) {
            throw new IllegalArgumentException("a sample grid needs images (N, C, H, W), got " + x.shape());
        }
        BufferedImage image = render(x.toArray(), x.dim(0), x.dim(1), x.dim(2), x.dim(3));
        return new Encoded(Png.encode(image), image.getHeight(), image.getWidth(), x.dim(1));
    }

    /** Writes images x (n, channels, height, width) as a grid PNG to file. */
    public static void write(Path file, float[] x, int n, int channels, int height, int width) throws IOException {
        Png.write(file, render(x, n, channels, height, width));
    }

    /** The grid as an image (gray for 1 channel, RGB for 3). */
    static BufferedImage render(float[] x, int n, int channels, int height, int width) {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("a sample grid needs 1 or 3 channels, got " + channels);
        }
        if (n < 1 || (long) n * channels * height * width != x.length) {
            throw new IllegalArgumentException(x.length + " values do not hold " + n + " images of " + channels + "x"
                    + height + "x" + width);
        }
        int columns = Math.min(PER_ROW, n);
        int rows = (n + PER_ROW - 1) / PER_ROW;
        int gridW = columns * (width + BORDER) + BORDER;
        int gridH = rows * (height + BORDER) + BORDER;
        BufferedImage image = new BufferedImage(gridW, gridH,
                channels == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
        WritableRaster raster = image.getRaster();
        int plane = height * width;
        for (int i = 0; i < n; i++) {
            int left = BORDER + (i % PER_ROW) * (width + BORDER);
            int top = BORDER + (i / PER_ROW) * (height + BORDER);
            for (int c = 0; c < channels; c++) {
                for (int y = 0; y < height; y++) {
                    for (int xx = 0; xx < width; xx++) {
                        raster.setSample(left + xx, top + y, c, toByte(x[(i * channels + c) * plane + y * width + xx]));
                    }
                }
            }
        }
        return image;
    }
}
