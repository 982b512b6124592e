// A batch of uint8 images on the host, (n, channels, height, width) row-major: what image files and
// datasets hold, and what the clean and tf1 conventions (and the original IS) score. Generated images
// (floats in [-1, 1]) become uint8 as the original AutoGAN code converts them before scoring:
// x * 127.5 + 127.5 in float32, clamped to [0, 255], then cast to uint8, which truncates (torch's
// .to(torch.uint8); spec section 7). ImageGrid writes sample PNGs with the same conversion.
package org.autogan4j.metrics;

import org.autogan4j.data.Dataset;

public record Uint8Batch(int n, int channels, int height, int width, byte[] pixels) {
    public Uint8Batch {
        if (n < 1 || channels < 1 || height < 1 || width < 1
                || pixels.length != (long) n * channels * height * width) {
            throw new IllegalArgumentException("a uint8 batch needs n, channels, height, width >= 1 and n*c*h*w pixels; "
                    + "got " + n + "x" + channels + "x" + height + "x" + width + " and " + pixels.length + " pixels");
        }
    }

    /** The uint8 value the original gives a generated value x: (uint8) clamp(x * 127.5 + 127.5, 0, 255). */
    public static int quantize(float x) {
        float v = x * 127.5f + 127.5f;
        return (int) Math.max(0f, Math.min(255f, v));
    }

    /** Generated images x (n, c, h, w) in [-1, 1], quantized. */
    public static Uint8Batch fromGenerated(float[] x, int n, int channels, int height, int width) {
        byte[] p = new byte[x.length];
        for (int i = 0; i < x.length; i++) {
            p[i] = (byte) quantize(x[i]);
        }
        return new Uint8Batch(n, channels, height, width, p);
    }

    /** Images [from, from + rows) of data, as the file held them. */
    public static Uint8Batch fromDataset(Dataset data, int from, int rows) {
        int c = data.channels();
        int h = data.height();
        int w = data.width();
        byte[] p = new byte[rows * c * h * w];
        int k = 0;
        for (int i = from; i < from + rows; i++) {
            for (int ch = 0; ch < c; ch++) {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        p[k++] = (byte) data.pixel(i, ch, y, x);
                    }
                }
            }
        }
        return new Uint8Batch(rows, c, h, w, p);
    }

    /** Pixel values per image. */
    public int imageSize() {
        return channels * height * width;
    }

    /** The value (0..255) at flat index i. */
    public int value(int i) {
        return pixels[i] & 0xFF;
    }

    /** p / 255 in float32, torchvision's ToTensor (pytorch-fid's input range). */
    public float[] toUnitRange() {
        float[] out = new float[pixels.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = value(i) / 255f;
        }
        return out;
    }

    /** (p / 255 - 0.5) / 0.5, the [-1, 1] floats the data layer gives the same pixels (Dataset.toFloat). */
    public float[] toSignedRange() {
        float[] out = new float[pixels.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Dataset.toFloat(value(i));
        }
        return out;
    }
}
