// torchvision's BasicConv2d in eval mode, as the FID Inception network uses it: a conv without bias
// (kernel kh x kw, stride 1 or 2, zero padding padH, padW), BatchNorm2d(eps 1e-3) with its running
// statistics, relu. The batch norm is folded into a per-channel affine map applied with the relu by
// channelAffineForward; the conv is the backend's conv2d at the layer's own kernel, stride and padding.
package org.autogan4j.metrics;

import org.autogan4j.tensor.Backend;
import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;

final class BasicConv implements AutoCloseable {
    /** BatchNorm2d(eps=0.001) of torchvision's BasicConv2d. */
    static final float BN_EPS = 1e-3f;

    private final int kh;
    private final int kw;
    private final int stride;
    private final int padH;
    private final int padW;
    private final int outChannels;
    /** (k, c, kh, kw), the conv weight. */
    private final Tensor weight;
    /** (k): gamma / sqrt(running_var + eps) and beta - running_mean * scale. */
    private final Tensor scale;
    private final Tensor shift;
    private final ReusableBuffer out = new ReusableBuffer();

    /** The BasicConv2d named name (e.g. "Mixed_5b.branch1x1") with in -> k channels, padded padH, padW. */
    BasicConv(Device device, InceptionWeights weights, String name, int in, int k, int kh, int kw, int stride,
              int padH, int padW) {
        this.kh = kh;
        this.kw = kw;
        this.stride = stride;
        this.padH = padH;
        this.padW = padW;
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
        this.weight = Tensor.of(device, w, k, in, kh, kw);
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

    int outChannels() {
        return outChannels;
    }

    /** x (n, c, h, w) -> y (n, k, p, q), p = (h + 2 padH - kh) / stride + 1; y is reused by the next call. */
    Tensor forward(Tensor x) {
        Backend backend = x.backend();
        int p = (x.dim(2) + 2 * padH - kh) / stride + 1;
        int q = (x.dim(3) + 2 * padW - kw) / stride + 1;
        Tensor y = out.get(x.device(), x.dim(0), outChannels, p, q);
        backend.conv2dForward(x, weight, null, y, stride, stride, padH, padW);
        backend.channelAffineForward(y, scale, shift, y, true);
        return y;
    }

    @Override
    public void close() {
        weight.close();
        scale.close();
        shift.close();
        out.close();
    }
}
