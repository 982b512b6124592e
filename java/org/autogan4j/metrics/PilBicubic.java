// PIL's Image.resize(BICUBIC) of a float32 ('F' mode) plane, the resize of clean-fid's "clean" mode
// (each channel of a uint8 image as float32, resized to 299x299, then clipped to [0, 255]). As PIL's
// Resample.c computes it: per axis, scale = in / out, the cubic filter (a = -0.5) is stretched by
// max(scale, 1) (so shrinking antialiases), output pixel i is centred at (i + 0.5) * scale and reads
// inputs [(int) (centre - support + 0.5), (int) (centre + support + 0.5)) clipped to the image, with
// double weights normalised to sum 1; a horizontal pass, then a vertical one, each summing in double
// and storing float32. An axis of equal size is not resampled.
package org.autogan4j.metrics;

final class PilBicubic {
    /** The bicubic filter's support at scale 1. */
    private static final double SUPPORT = 2.0;
    /** The cubic convolution parameter PIL uses. */
    private static final double A = -0.5;

    private PilBicubic() {
    }

    /** PIL's bicubic_filter. */
    static double filter(double x) {
        double t = Math.abs(x);
        if (t < 1.0) {
            return ((A + 2.0) * t - (A + 3.0)) * t * t + 1;
        }
        if (t < 2.0) {
            return (((t - 5) * t + 8) * t - 4) * A;
        }
        return 0.0;
    }

    /** PIL's precompute_coeffs for one axis inSize -> outSize: first input, count and weights per output. */
    static final class Axis {
        final int[] first;
        final int[] count;
        final double[][] weight;

        Axis(int inSize, int outSize) {
            double scale = (double) inSize / outSize;
            double filterScale = Math.max(scale, 1.0);
            double support = SUPPORT * filterScale;
            double inverse = 1.0 / filterScale;
            first = new int[outSize];
            count = new int[outSize];
            weight = new double[outSize][];
            for (int out = 0; out < outSize; out++) {
                double centre = (out + 0.5) * scale;
                int min = Math.max((int) (centre - support + 0.5), 0);
                int max = Math.min((int) (centre + support + 0.5), inSize) - min;
                double[] w = new double[Math.max(max, 0)];
                double total = 0.0;
                for (int k = 0; k < w.length; k++) {
                    w[k] = filter((k + min - centre + 0.5) * inverse);
                    total += w[k];
                }
                for (int k = 0; k < w.length; k++) {
                    if (total != 0.0) {
                        w[k] /= total;
                    }
                }
                first[out] = min;
                count[out] = w.length;
                weight[out] = w;
            }
        }
    }

    /** Resizes the plane x (inH, inW) at xOffset into y (outH, outW) at yOffset, both row-major. */
    static void plane(float[] x, int xOffset, int inH, int inW, float[] y, int yOffset, int outH, int outW) {
        float[] source = x;
        int sourceOffset = xOffset;
        if (inW != outW) {
            Axis cols = new Axis(inW, outW);
            float[] temp = new float[inH * outW];
            for (int r = 0; r < inH; r++) {
                int row = xOffset + r * inW;
                for (int c = 0; c < outW; c++) {
                    double sum = 0.0;
                    int first = row + cols.first[c];
                    double[] w = cols.weight[c];
                    for (int k = 0; k < w.length; k++) {
                        sum += x[first + k] * w[k];
                    }
                    temp[r * outW + c] = (float) sum;
                }
            }
            source = temp;
            sourceOffset = 0;
        }
        if (inH == outH) {
            System.arraycopy(source, sourceOffset, y, yOffset, outH * outW);
            return;
        }
        Axis rows = new Axis(inH, outH);
        for (int r = 0; r < outH; r++) {
            double[] w = rows.weight[r];
            int first = sourceOffset + rows.first[r] * outW;
            for (int c = 0; c < outW; c++) {
                double sum = 0.0;
                for (int k = 0; k < w.length; k++) {
                    sum += source[first + k * outW + c] * w[k];
                }
                y[yOffset + r * outW + c] = (float) sum;
            }
        }
    }
}
