// ImageFolder against PIL (tools/make_inception_fixture.py): every image of the fixture folders (RGB,
// grey, RGBA and palette PNGs of several sizes, and a JPEG) decodes to the RGB uint8 pixels that
// Image.open(f).convert("RGB") gives; a folder lists its .png/.jpg/.jpeg files in name order and
// nothing else; an empty folder, an unreadable file and a 16-bit image fail with one line naming it.
package org.autogan4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.autogan4j.testing.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderTest {
    static Path folder(String side) throws Exception {
        return Path.of(ImageFolderTest.class.getResource("/fixtures/inception_net/folders/" + side).toURI());
    }

    @Test
    void decodesEveryFixtureImageAsPil() throws Exception {
        Fixture f = Fixture.load("inception_net/folders");
        for (String side : new String[] {"a", "b"}) {
            for (Path file : ImageFolder.list(folder(side))) {
                String name = file.getFileName().toString();
                Uint8Batch image = ImageFolder.read(file);
                int[] dims = f.dims(name);
                assertEquals(dims[1], image.height(), name);
                assertEquals(dims[2], image.width(), name);
                float[] expected = f.values(name);
                for (int i = 0; i < expected.length; i++) {
                    assertEquals((int) expected[i], image.value(i), name + " value " + i);
                }
            }
        }
    }

    @Test
    void listsImageFilesInNameOrderAndSkipsTheRest(@TempDir Path dir) throws Exception {
        BufferedImage pixel = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        for (String name : new String[] {"b.PNG", "a.jpeg", "c.jpg"}) {
            ImageIO.write(pixel, name.endsWith("PNG") ? "png" : "jpg", dir.resolve(name).toFile());
        }
        Files.writeString(dir.resolve("notes.txt"), "not an image");
        Files.createDirectory(dir.resolve("sub.png"));
        List<String> names = ImageFolder.list(dir).stream().map(p -> p.getFileName().toString()).toList();
        assertEquals(List.of("a.jpeg", "b.PNG", "c.jpg"), names);
    }

    @Test
    void badFoldersAndFilesFailWithOneLine(@TempDir Path dir) throws Exception {
        IOException empty = assertThrows(IOException.class, () -> ImageFolder.list(dir));
        assertTrue(empty.getMessage().contains("holds no PNG or JPEG images"), empty.getMessage());
        Path broken = dir.resolve("broken.png");
        Files.writeString(broken, "no png here");
        IOException unreadable = assertThrows(IOException.class, () -> ImageFolder.read(broken));
        assertTrue(unreadable.getMessage().startsWith("cannot read image " + broken), unreadable.getMessage());
        Path deep = dir.resolve("deep.png");
        ImageIO.write(new BufferedImage(2, 2, BufferedImage.TYPE_USHORT_GRAY), "png", deep.toFile());
        IOException sixteen = assertThrows(IOException.class, () -> ImageFolder.read(deep));
        assertTrue(sixteen.getMessage().contains("16 bits"), sixteen.getMessage());
        for (IOException e : List.of(empty, unreadable, sixteen)) {
            assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
        }
    }
}
