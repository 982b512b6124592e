// One Mixed_* block of the FID Inception network: branches of BasicConvs and pools run on the same
// input and concatenated along channels. This base class holds what the blocks share: building a
// branch conv under the block's name, the pools (reusing their buffers) and the concat. Everything a
// block allocates goes into the network's list of owned resources, which the network closes (also
// when building fails halfway).
package org.autogan4j.metrics;

import java.util.List;

import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;

abstract class InceptionBlock {
    private final Device device;
    private final InceptionWeights weights;
    private final String name;
    private final List<AutoCloseable> owned;
    private final ReusableBuffer concat;

    /** The block name (e.g. "Mixed_6b"); what it allocates is added to owned. */
    InceptionBlock(Device device, InceptionWeights weights, String name, List<AutoCloseable> owned) {
        this.device = device;
        this.weights = weights;
        this.name = name;
        this.owned = owned;
        this.concat = buffer();
    }

    /** x (n, c, h, w) -> y (n, outChannels, p, q); y stays valid until the next forward. */
    abstract Tensor forward(Tensor x);

    /** The square-kernel branch conv name.branch (stride 1 unless given). */
    final BasicConv conv(String branch, int in, int k, int kernel, int stride, int pad) {
        return own(BasicConv.square(device, weights, name + "." + branch, in, k, kernel, stride, pad));
    }

    /** The 1 x n or n x 1 branch conv name.branch, 'same' padded. */
    final BasicConv line(String branch, int in, int k, int kh, int kw) {
        return own(BasicConv.line(device, weights, name + "." + branch, in, k, kh, kw));
    }

    private BasicConv own(BasicConv conv) {
        owned.add(conv);
        return conv;
    }

    /** A buffer freed with the block. */
    final ReusableBuffer buffer() {
        ReusableBuffer b = new ReusableBuffer();
        owned.add(b);
        return b;
    }

    /** F.avg_pool2d(x, 3, 1, 1, count_include_pad=False) into into's tensor: the FID blocks' pool. */
    static Tensor avgPool3(Tensor x, ReusableBuffer into) {
        Tensor y = into.get(x.device(), x.shape().dims());
        x.backend().avgPool2dWindowForward(x, y, 3, 1, 1, false);
        return y;
    }

    /** F.max_pool2d(x, 3, stride, pad) into into's tensor. */
    static Tensor maxPool3(Tensor x, int stride, int pad, ReusableBuffer into) {
        int p = (x.dim(2) + 2 * pad - 3) / stride + 1;
        int q = (x.dim(3) + 2 * pad - 3) / stride + 1;
        Tensor y = into.get(x.device(), x.dim(0), x.dim(1), p, q);
        x.backend().maxPool2dForward(x, y, 3, stride, pad);
        return y;
    }

    /** torch.cat(parts, 1) into the block's output buffer; parts agree in n, h, w. */
    final Tensor cat(Tensor... parts) {
        int channels = 0;
        for (Tensor part : parts) {
            channels += part.dim(1);
        }
        Tensor first = parts[0];
        Tensor y = concat.get(first.device(), first.dim(0), channels, first.dim(2), first.dim(3));
        int offset = 0;
        for (Tensor part : parts) {
            first.backend().copyChannels(part, y, offset);
            offset += part.dim(1);
        }
        return y;
    }
}
