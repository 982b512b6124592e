// The images of a folder as pytorch-fid and torch-fidelity take them: the files directly in the folder
// (not in subfolders) ending in .png, .jpg or .jpeg (any case), sorted by name, each decoded to RGB uint8
// as PIL's Image.open(f).convert("RGB") gives it: grey (and grey + alpha) repeated into three channels,
// alpha dropped without compositing, palettes looked up. Pixels are read from the raster, never through
// a colour conversion (Java's getRGB would gamma-shift grey images). 16-bit images are refused.
package org.autogan4j.metrics;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

public final class ImageFolder {
    private ImageFolder() {
    }

    /** Whether name ends in .png, .jpg or .jpeg, in any case. */
    static boolean isImage(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".png") || lower.endsWith(".jpg") || lower.endsWith(".jpeg");
    }

    /** The image files of folder in name order; an error when there are none. */
    public static List<Path> list(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException(folder + " is not a folder of images");
        }
        List<Path> files;
        try (Stream<Path> entries = Files.list(folder)) {
            files = entries.filter(p -> Files.isRegularFile(p) && isImage(p.getFileName().toString()))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
        }
        if (files.isEmpty()) {
            throw new IOException(folder + " holds no PNG or JPEG images (files ending in .png, .jpg or .jpeg)");
        }
        return files;
    }

    /** The image in file as one RGB uint8 image (1, 3, h, w). */
    public static Uint8Batch read(Path file) throws IOException {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new IOException("cannot read image " + file + ": " + e.getMessage(), e);
        }
        if (image == null) {
            throw new IOException("cannot read image " + file + ": not a PNG or JPEG file");
        }
        int w = image.getWidth();
        int h = image.getHeight();
        Raster raster = image.getRaster();
        ColorModel model = image.getColorModel();
        byte[] rgb = new byte[3 * h * w];
        int plane = h * w;
        if (model instanceof IndexColorModel palette) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int colour = palette.getRGB(raster.getSample(x, y, 0));
                    int at = y * w + x;
                    rgb[at] = (byte) (colour >> 16);
                    rgb[plane + at] = (byte) (colour >> 8);
                    rgb[2 * plane + at] = (byte) colour;
                }
            }
            return new Uint8Batch(1, 3, h, w, rgb);
        }
        int bits = model.getComponentSize(0);
        int type = model.getColorSpace().getType();
        boolean grey = type == ColorSpace.TYPE_GRAY;
        if (bits > 8 || (!grey && (type != ColorSpace.TYPE_RGB || raster.getNumBands() < 3))) {
            throw new IOException("cannot read image " + file + ": only 8-bit grey, RGB and palette images are "
                    + "supported (this one has " + raster.getNumBands() + " bands of " + bits + " bits)");
        }
        int max = (1 << bits) - 1;
        for (int c = 0; c < 3; c++) {
            int band = grey ? 0 : c;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int v = raster.getSample(x, y, band);
                    rgb[c * plane + y * w + x] = (byte) (bits == 8 ? v : v * 255 / max);
                }
            }
        }
        return new Uint8Batch(1, 3, h, w, rgb);
    }
}
