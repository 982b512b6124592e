// PIL's Image.resize(BILINEAR) on uint8 planes, bit for bit: AutoGAN shrinks its images with
// torchvision's Resize (PIL), and the search stages train on those exact pixels. PIL resamples in
// two separable passes (horizontal, then vertical, each rounded to uint8) with a triangle filter
// whose support is scaled by the shrink factor (so downscaling averages, i.e. antialiases), and
// applies the weights in 22-bit fixed point with round-half-up and clipping, as done here.
package org.autogan4j.data;

final class PilResize {
    /** PIL's PRECISION_BITS for 8-bit images: 32 - 8 - 2. */
    private static final int PRECISION_BITS = 22;
    private static final int HALF = 1 << (PRECISION_BITS - 1);

    private PilResize() {
    }

    /**
     * Resizes one uint8 plane x (inH, inW) into y (outH, outW); both are read and written at the
     * given offsets, row-major. Equal sizes copy, as PIL does.
     */
    static void plane(byte[] x, int xOffset, int inH, int inW, byte[] y, int yOffset, int outH, int outW) {
        if (inH == outH && inW == outW) {
            System.arraycopy(x, xOffset, y, yOffset, inH * inW);
            return;
        }
        Weights horizontal = new Weights(inW, outW);
        Weights vertical = new Weights(inH, outH);
        byte[] temp = new byte[inH * outW];
        for (int row = 0; row < inH; row++) {
            for (int col = 0; col < outW; col++) {
                int sum = HALF;
                int first = horizontal.first[col];
                int base = xOffset + row * inW + first;
                for (int k = 0; k < horizontal.count[col]; k++) {
                    sum += (x[base + k] & 0xFF) * horizontal.weight[col][k];
                }
                temp[row * outW + col] = clip8(sum);
            }
        }
        for (int row = 0; row < outH; row++) {
            int first = vertical.first[row];
            for (int col = 0; col < outW; col++) {
                int sum = HALF;
                for (int k = 0; k < vertical.count[row]; k++) {
                    sum += (temp[(first + k) * outW + col] & 0xFF) * vertical.weight[row][k];
                }
                y[yOffset + row * outW + col] = clip8(sum);
            }
        }
    }

    /** Resizes each of the (inH, inW) planes of x, stored one after another, to (outH, outW). */
    static byte[] images(byte[] x, int planes, int inH, int inW, int outH, int outW) {
        byte[] y = new byte[Math.multiplyExact(Math.multiplyExact(planes, outH), outW)];
        for (int p = 0; p < planes; p++) {
            plane(x, p * inH * inW, inH, inW, y, p * outH * outW, outH, outW);
        }
        return y;
    }

    private static byte clip8(int sum) {
        int value = sum >> PRECISION_BITS;
        return (byte) (value < 0 ? 0 : Math.min(value, 255));
    }

    private static double triangle(double t) {
        double a = Math.abs(t);
        return a < 1.0 ? 1.0 - a : 0.0;
    }

    /** PIL's precompute_coeffs + normalize_coeffs_8bpc for one axis (inSize -> outSize). */
    private static final class Weights {
        final int[] first;
        final int[] count;
        final int[][] weight;

        Weights(int inSize, int outSize) {
            double scale = (double) inSize / outSize;
            double filterScale = Math.max(scale, 1.0);
            double support = filterScale;
            double inverse = 1.0 / filterScale;
            first = new int[outSize];
            count = new int[outSize];
            weight = new int[outSize][];
            for (int out = 0; out < outSize; out++) {
                double center = (out + 0.5) * scale;
                int min = Math.max((int) (center - support + 0.5), 0);
                int max = Math.min((int) (center + support + 0.5), inSize) - min;
                double[] w = new double[max];
                double total = 0.0;
                for (int k = 0; k < max; k++) {
                    w[k] = triangle(((k + min) - center + 0.5) * inverse);
                    total += w[k];
                }
                int[] fixed = new int[max];
                for (int k = 0; k < max; k++) {
                    double normalized = total != 0.0 ? w[k] / total : w[k];
                    double scaled = normalized * (1 << PRECISION_BITS);
                    fixed[k] = (int) (normalized < 0 ? -0.5 + scaled : 0.5 + scaled);
                }
                first[out] = min;
                count[out] = max;
                weight[out] = fixed;
            }
        }
    }
}
