// PNG files, written the one safe way: the image is encoded into memory through a
// MemoryCacheImageOutputStream (ImageIO's default would cache through a temporary file with a
// background closer thread, which prints a NullPointerException when the disk is full), and the
// bytes then go to disk through AtomicFile, so a failed write names the path and leaves the
// previous file as it was.
package org.autogan4j.io;

import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

public final class Png {
    private Png() {
    }

    /** The PNG bytes of image. */
    public static byte[] encode(RenderedImage image) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IllegalStateException("this JVM has no PNG writer (javax.imageio)");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(image);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** Replaces file with image as a PNG, atomically. */
    public static void write(Path file, RenderedImage image) throws IOException {
        AtomicFile.write(file, encode(image));
    }
}
