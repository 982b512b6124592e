// An in-memory image dataset: N images (C, H, W) kept as their uint8 pixels, with one label each
// (-1 where there is none, as STL-10's unlabeled images). Pixels stay uint8 because that is what
// the files hold and what PIL resizes (STL-10 at 48x48 would take 2.9 GB as floats); they become
// floats in [-1, 1] exactly as torchvision's ToTensor + Normalize(0.5, 0.5) computes them, in
// float32: (p / 255 - 0.5) / 0.5.
package org.autogan4j.data;

import java.util.Arrays;

public final class Dataset {
    private static final float[] TO_FLOAT = new float[256];

    static {
        for (int p = 0; p < 256; p++) {
            TO_FLOAT[p] = (p / 255f - 0.5f) / 0.5f;
        }
    }

    private final String name;
    private final int channels;
    private final int height;
    private final int width;
    private final byte[] pixels;
    private final int[] labels;

    /**
     * A dataset of N = labels.length images from their uint8 pixels (N, C, H, W) row-major; both
     * arrays are kept, not copied (synthetic data for tests, or images from another source).
     */
    public Dataset(String name, int channels, int height, int width, byte[] pixels, int[] labels) {
        if (labels.length == 0) {
            throw new IllegalArgumentException(name + ": a dataset needs at least 1 image, this one has none");
        }
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException(name + ": images of " + channels + "x" + height + "x" + width
                    + " cannot exist; each side must be at least 1");
        }
        long expected = (long) labels.length * channels * height * width;
        if (pixels.length != expected) {
            throw new IllegalArgumentException(name + ": " + pixels.length + " pixel bytes cannot hold "
                    + labels.length + " images of " + channels + "x" + height + "x" + width + ", which need "
                    + expected);
        }
        this.name = name;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.pixels = pixels;
        this.labels = labels;
    }

    public String name() {
        return name;
    }

    public int size() {
        return labels.length;
    }

    public int channels() {
        return channels;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** The number of floats of one image: C * H * W. */
    public int imageSize() {
        return channels * height * width;
    }

    /** The label of image i (-1 for an unlabeled image). */
    public int label(int i) {
        return labels[i];
    }

    /** The uint8 value (0..255) of image i, channel c, row y, column x. */
    public int pixel(int i, int c, int y, int x) {
        return pixels[((i * channels + c) * height + y) * width + x] & 0xFF;
    }

    /** The float value in [-1, 1] that a uint8 pixel p becomes (ToTensor, then Normalize(0.5, 0.5)). */
    public static float toFloat(int p) {
        return TO_FLOAT[p];
    }

    /** Writes image i as floats in [-1, 1], (C, H, W), into dst from offset. */
    public void copyImage(int i, float[] dst, int offset) {
        int n = imageSize();
        int base = i * n;
        for (int k = 0; k < n; k++) {
            dst[offset + k] = TO_FLOAT[pixels[base + k] & 0xFF];
        }
    }

    /** All images as floats in [-1, 1], (N, C, H, W); fails when that exceeds one Java array. */
    public float[] images() {
        long n = (long) size() * imageSize();
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException(name + " has " + n + " values, more than one float[] holds; "
                    + "use copyImage or a BatchLoader");
        }
        float[] out = new float[(int) n];
        for (int i = 0; i < size(); i++) {
            copyImage(i, out, i * imageSize());
        }
        return out;
    }

    /** All labels, a copy. */
    public int[] labels() {
        return labels.clone();
    }

    /** The first n images of this dataset (a copy; all of them when n >= size()), e.g. a quick subset. */
    public Dataset head(int n) {
        if (n < 1) {
            throw new IllegalArgumentException(name + ": a subset needs at least 1 image, not " + n);
        }
        if (n >= size()) {
            return this;
        }
        int per = imageSize();
        return new Dataset(name, channels, height, width, Arrays.copyOf(pixels, n * per),
                Arrays.copyOf(labels, n));
    }

    /**
     * This dataset at size x size, shrunk as PIL's Image.resize(BILINEAR) does (how AutoGAN makes its
     * 8x8 and 16x16 search stages); the same size returns this dataset.
     */
    public Dataset resized(int size) {
        if (size == height && size == width) {
            return this;
        }
        if (size < 1 || size > height || size > width) {
            throw new IllegalArgumentException(name + " is " + height + "x" + width + "; it can be shrunk to "
                    + "1.." + Math.min(height, width) + " pixels, not " + size);
        }
        byte[] out = PilResize.images(pixels, size() * channels, height, width, size, size);
        return new Dataset(name, channels, size, size, out, labels);
    }
}
