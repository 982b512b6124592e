// One entry point for the CLI and the search: a dataset by name, from its default folder or a
// given one, at one of its stage resolutions. The resolutions follow AutoGAN: 8/16/32 for the
// 32x32 sets (Fashion-MNIST padded, CIFAR-10), 12/24/48 for STL-10; smaller stages are PIL-bilinear
// shrinks of the full-size images.
package org.autogan4j.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

public enum Datasets {
    FASHION_MNIST("fashion-mnist", FashionMnist.DEFAULT_FOLDER, FashionMnist.SIZE, 1),
    CIFAR10("cifar10", Cifar10.DEFAULT_FOLDER, Cifar10.SIZE, Cifar10.CHANNELS),
    STL10("stl10", Stl10.DEFAULT_FOLDER, Stl10.SIZE, Stl10.CHANNELS);

    private final String id;
    private final Path defaultFolder;
    private final int fullSize;
    private final int channels;

    Datasets(String id, Path defaultFolder, int fullSize, int channels) {
        this.id = id;
        this.defaultFolder = defaultFolder;
        this.fullSize = fullSize;
        this.channels = channels;
    }

    /** The dataset called name: fashion-mnist, cifar10 or stl10. */
    public static Datasets byName(String name) {
        for (Datasets d : values()) {
            if (d.id.equals(name.toLowerCase(Locale.ROOT))) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown dataset \"" + name + "\"; use fashion-mnist, cifar10 or stl10");
    }

    public String id() {
        return id;
    }

    public Path defaultFolder() {
        return defaultFolder;
    }

    public int channels() {
        return channels;
    }

    /** The image side of the final stage (32, or 48 for STL-10). */
    public int fullSize() {
        return fullSize;
    }

    /** The image side at search stage 0, 1 or 2: fullSize / 4, / 2, / 1. */
    public int stageSize(int stage) {
        if (stage < 0 || stage > 2) {
            throw new IllegalArgumentException("stage is " + stage + "; it must be 0, 1 or 2");
        }
        return fullSize >> (2 - stage);
    }

    /** The training images (STL-10: train+unlabeled) from folder (null: the default) at size x size. */
    public Dataset load(Path folder, int size) throws IOException {
        Path from = folder == null ? defaultFolder : folder;
        Dataset full;
        switch (this) {
            case FASHION_MNIST:
                full = FashionMnist.load(from, Split.TRAIN);
                break;
            case CIFAR10:
                full = Cifar10.load(from, Split.TRAIN);
                break;
            default:
                full = Stl10.load(from);
                break;
        }
        return full.resized(size);
    }
}
