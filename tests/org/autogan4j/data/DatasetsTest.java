// The dataset registry: names, stage sizes (8/16/32, STL-10 12/24/48), default folders, and a
// missing default folder reported through the loader's message.
package org.autogan4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {
    @TempDir
    Path dir;

    @Test
    void namesAndStageSizes() {
        assertEquals(Datasets.CIFAR10, Datasets.byName("CIFAR10"));
        assertEquals(8, Datasets.CIFAR10.stageSize(0));
        assertEquals(16, Datasets.FASHION_MNIST.stageSize(1));
        assertEquals(32, Datasets.FASHION_MNIST.stageSize(2));
        assertEquals(12, Datasets.STL10.stageSize(0));
        assertEquals(24, Datasets.STL10.stageSize(1));
        assertEquals(1, Datasets.FASHION_MNIST.channels());
        assertEquals(Path.of("/usr/share/datasets/fashion-mnist"), Datasets.FASHION_MNIST.defaultFolder());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Datasets.byName("mnist"));
        assertTrue(e.getMessage().contains("fashion-mnist, cifar10 or stl10"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Datasets.CIFAR10.stageSize(3));
    }

    @Test
    void loadFromAnEmptyFolderSaysWhatIsMissing() {
        DatasetException e = assertThrows(DatasetException.class, () -> Datasets.STL10.load(dir, 24));
        assertTrue(e.getMessage().contains("train_y.bin is missing"), e.getMessage());
    }
}
