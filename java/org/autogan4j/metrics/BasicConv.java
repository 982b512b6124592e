// torchvision's BasicConv2d in eval mode, as the FID Inception network uses it: a conv without bias
// (kernel kh x kw, stride 1 or 2, zero padding padH, padW), BatchNorm2d(eps 1e-3) with its running
// statistics, relu. The batch norm is folded into a per-channel affine map applied with the relu by
// channelAffineForward. The backend's conv is stride 1 with a square kernel, so a 1x7 / 7x1 (1x3 /
// 3x1) kernel is stored zero-embedded in the middle row / column of a 7x7 (3x3) one with the same
// pad on both sides, which gives the same output; a stride-2 conv runs at stride 1 and keeps every
// second row and column (a 1x1 stride-2 max pool).
package org.autogan4j.metrics;

import org.autogan4j.tensor.Backend;
import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;

final class BasicConv implements AutoCloseable {
    /** BatchNorm2d(eps=0.001) of torchvision's BasicConv2d. */
    static final float BN_EPS = 1e-3f;

    private final int kernel;
    private final int pad;
    private final int stride;
    private final int outChannels;
    /** (k, c, kernel, kernel), the zero-embedded conv weight. */
    private final Tensor weight;
    /** (k): gamma / sqrt(running_var + eps) and beta - running_mean * scale. */
    private final Tensor scale;
    private final Tensor shift;
    private final ReusableBuffer full = new ReusableBuffer();
    private final ReusableBuffer out = new ReusableBuffer();

    /** The BasicConv2d named name (e.g. "Mixed_5b.branch1x1") with in -> k channels, padded padH, padW. */
    BasicConv(Device device, InceptionWeights weights, String name, int in, int k, int kh, int kw, int stride,
              int padH, int padW) {
        boolean square = kh == kw && padH == padW;
        boolean line = (kh == 1 || kw == 1) && padH == (kh - 1) / 2 && padW == (kw - 1) / 2;
        if (!square && !line) {
            throw new IllegalArgumentException(name + ": a " + kh + "x" + kw + " kernel padded " + padH + ", " + padW
                    + " is neither square nor a 'same'-padded 1-wide line");
        }
        this.kernel = Math.max(kh, kw);
        this.pad = Math.max(padH, padW);
        this.stride = stride;
        this.outChannels = k;
        float[] w = weights.get(name + ".conv.weight", new int[] {k, in, kh, kw});
        float[] gamma = weights.get(name + ".bn.weight", new int[] {k});
        float[] beta = weights.get(name + ".bn.bias", new int[] {k});
        float[] mean = weights.get(name + ".bn.running_mean", new int[] {k});
        float[] var = weights.get(name + ".bn.running_var", new int[] {k});
        float[] s = new float[k];
        float[] b = new float[k];
        for (int i = 0; i < k; i++) {
            s[i] = (float) (gamma[i] / Math.sqrt((double) var[i] + BN_EPS));
            b[i] = beta[i] - mean[i] * s[i];
        }
        this.weight = Tensor.of(device, embed(w, k * in, kh, kw, kernel), k, in, kernel, kernel);
        this.scale = Tensor.of(device, s, k);
        this.shift = Tensor.of(device, b, k);
    }

    /** Square kernel, stride 1 unless given, pad as given. */
    static BasicConv square(Device device, InceptionWeights weights, String name, int in, int k, int kernel, int stride,
                            int pad) {
        return new BasicConv(device, weights, name, in, k, kernel, kernel, stride, pad, pad);
    }

    /** A 1 x n (wide) or n x 1 (tall) kernel, stride 1, padded to keep h and w. */
    static BasicConv line(Device device, InceptionWeights weights, String name, int in, int k, int kh, int kw) {
        return new BasicConv(device, weights, name, in, k, kh, kw, 1, (kh - 1) / 2, (kw - 1) / 2);
    }

    /** (rows, kh, kw) kernels -> (rows, r, r), each centred: kh == r or kw == r. */
    private static float[] embed(float[] w, int rows, int kh, int kw, int r) {
        if (kh == r && kw == r) {
            return w;
        }
        float[] out = new float[rows * r * r];
        int rowOffset = (r - kh) / 2;
        int colOffset = (r - kw) / 2;
        for (int row = 0; row < rows; row++) {
            for (int i = 0; i < kh; i++) {
                for (int j = 0; j < kw; j++) {
                    out[(row * r + i + rowOffset) * r + j + colOffset] = w[(row * kh + i) * kw + j];
                }
            }
        }
        return out;
    }

    int outChannels() {
        return outChannels;
    }

    /** x (n, c, h, w) -> y (n, k, p, q), p = (h + 2 pad - kernel) / stride + 1; y is reused by the next call. */
    Tensor forward(Tensor x) {
        Backend backend = x.backend();
        Device device = x.device();
        int n = x.dim(0);
        int p = x.dim(2) + 2 * pad - kernel + 1;
        int q = x.dim(3) + 2 * pad - kernel + 1;
        Tensor y;
        if (stride == 1) {
            y = out.get(device, n, outChannels, p, q);
            backend.conv2dForward(x, weight, null, y, pad);
        } else {
            Tensor dense = full.get(device, n, outChannels, p, q);
            backend.conv2dForward(x, weight, null, dense, pad);
            y = out.get(device, n, outChannels, (p - 1) / stride + 1, (q - 1) / stride + 1);
            backend.maxPool2dForward(dense, y, 1, stride, 0);
        }
        backend.channelAffineForward(y, scale, shift, y, true);
        return y;
    }

    @Override
    public void close() {
        weight.close();
        scale.close();
        shift.close();
        full.close();
        out.close();
    }
}
