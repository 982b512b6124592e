// TensorFlow 1's tf.image.resize_bilinear with align_corners=False, as the 2015 Inception graph that the
// original IS and TTUR's FID run applies it (TF 1.x before half_pixel_centers existed): output pixel i
// reads input coordinate in = (float) i * scale with scale = (float) inSize / outSize, no half-pixel
// shift, so the image's top-left corners line up and the last rows repeat the edge; lower = (int) in,
// upper = min(lower + 1, inSize - 1), lerp = in - lower, and the value is TF's float32
// top + (bottom - top) * yLerp of the two horizontally interpolated rows. Shared by IS and FID mode tf1.
package org.autogan4j.metrics;

final class Tf1Resize {
    private Tf1Resize() {
    }

    /** Where one output coordinate of an axis reads: two input indices and the weight of the upper one. */
    static final class Axis {
        final int[] lower;
        final int[] upper;
        final float[] lerp;

        Axis(int inSize, int outSize) {
            float scale = (float) inSize / (float) outSize;
            lower = new int[outSize];
            upper = new int[outSize];
            lerp = new float[outSize];
            for (int i = 0; i < outSize; i++) {
                float in = (float) i * scale;
                lower[i] = (int) in;
                upper[i] = Math.min(lower[i] + 1, inSize - 1);
                lerp[i] = in - lower[i];
            }
        }
    }

    /** Resizes the plane x (inH, inW) at xOffset into y (outH, outW) at yOffset, both row-major. */
    static void plane(float[] x, int xOffset, int inH, int inW, float[] y, int yOffset, int outH, int outW) {
        plane(x, xOffset, inW, new Axis(inH, outH), new Axis(inW, outW), y, yOffset);
    }

    /** As plane, with the axes precomputed (rows: inH -> outH, cols: inW -> outW). */
    static void plane(float[] x, int xOffset, int inW, Axis rows, Axis cols, float[] y, int yOffset) {
        int outW = cols.lower.length;
        for (int r = 0; r < rows.lower.length; r++) {
            int top = xOffset + rows.lower[r] * inW;
            int bottom = xOffset + rows.upper[r] * inW;
            float yLerp = rows.lerp[r];
            int out = yOffset + r * outW;
            for (int c = 0; c < outW; c++) {
                int left = cols.lower[c];
                int right = cols.upper[c];
                float xLerp = cols.lerp[c];
                float topValue = x[top + left] + (x[top + right] - x[top + left]) * xLerp;
                float bottomValue = x[bottom + left] + (x[bottom + right] - x[bottom + left]) * xLerp;
                y[out + c] = topValue + (bottomValue - topValue) * yLerp;
            }
        }
    }
}
