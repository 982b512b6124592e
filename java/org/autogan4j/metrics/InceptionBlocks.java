// The five kinds of Mixed block of pytorch-fid's FID Inception network, with torchvision's branch
// names and channel counts: A (Mixed_5b/5c/5d, FIDInceptionA), B (Mixed_6a), C (Mixed_6b..6e,
// FIDInceptionC), D (Mixed_7a) and E (Mixed_7b: FIDInceptionE_1, Mixed_7c: FIDInceptionE_2). The
// FID variants differ from torchvision's only in the pool branch: average pooling 3x3 stride 1 pad 1
// with count_include_pad=False, and max pooling 3x3 stride 1 pad 1 in Mixed_7c.
package org.autogan4j.metrics;

import java.util.List;

import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;

final class InceptionBlocks {
    private InceptionBlocks() {
    }

    /** FIDInceptionA: in -> 64 + 64 + 96 + poolFeatures channels, same size. */
    static final class A extends InceptionBlock {
        private final BasicConv b1, b5a, b5b, d1, d2, d3, pool;
        private final ReusableBuffer pooled = buffer();

        A(Device device, InceptionWeights w, List<AutoCloseable> owned, String name, int in, int poolFeatures) {
            super(device, w, name, owned);
            b1 = conv("branch1x1", in, 64, 1, 1, 0);
            b5a = conv("branch5x5_1", in, 48, 1, 1, 0);
            b5b = conv("branch5x5_2", 48, 64, 5, 1, 2);
            d1 = conv("branch3x3dbl_1", in, 64, 1, 1, 0);
            d2 = conv("branch3x3dbl_2", 64, 96, 3, 1, 1);
            d3 = conv("branch3x3dbl_3", 96, 96, 3, 1, 1);
            pool = conv("branch_pool", in, poolFeatures, 1, 1, 0);
        }

        @Override
        Tensor forward(Tensor x) {
            return cat(b1.forward(x), b5b.forward(b5a.forward(x)), d3.forward(d2.forward(d1.forward(x))),
                    pool.forward(avgPool3(x, pooled)));
        }
    }

    /** InceptionB (Mixed_6a): in -> 384 + 96 + in channels at (h - 3) / 2 + 1. */
    static final class B extends InceptionBlock {
        private final BasicConv b3, d1, d2, d3;
        private final ReusableBuffer pooled = buffer();

        B(Device device, InceptionWeights w, List<AutoCloseable> owned, String name, int in) {
            super(device, w, name, owned);
            b3 = conv("branch3x3", in, 384, 3, 2, 0);
            d1 = conv("branch3x3dbl_1", in, 64, 1, 1, 0);
            d2 = conv("branch3x3dbl_2", 64, 96, 3, 1, 1);
            d3 = conv("branch3x3dbl_3", 96, 96, 3, 2, 0);
        }

        @Override
        Tensor forward(Tensor x) {
            return cat(b3.forward(x), d3.forward(d2.forward(d1.forward(x))), maxPool3(x, 2, 0, pooled));
        }
    }

    /** FIDInceptionC: in -> 4 * 192 channels, same size; c7 channels inside the 7x7 branches. */
    static final class C extends InceptionBlock {
        private final BasicConv b1, s1, s2, s3, d1, d2, d3, d4, d5, pool;
        private final ReusableBuffer pooled = buffer();

        C(Device device, InceptionWeights w, List<AutoCloseable> owned, String name, int in, int c7) {
            super(device, w, name, owned);
            b1 = conv("branch1x1", in, 192, 1, 1, 0);
            s1 = conv("branch7x7_1", in, c7, 1, 1, 0);
            s2 = line("branch7x7_2", c7, c7, 1, 7);
            s3 = line("branch7x7_3", c7, 192, 7, 1);
            d1 = conv("branch7x7dbl_1", in, c7, 1, 1, 0);
            d2 = line("branch7x7dbl_2", c7, c7, 7, 1);
            d3 = line("branch7x7dbl_3", c7, c7, 1, 7);
            d4 = line("branch7x7dbl_4", c7, c7, 7, 1);
            d5 = line("branch7x7dbl_5", c7, 192, 1, 7);
            pool = conv("branch_pool", in, 192, 1, 1, 0);
        }

        @Override
        Tensor forward(Tensor x) {
            Tensor seven = s3.forward(s2.forward(s1.forward(x)));
            Tensor dbl = d5.forward(d4.forward(d3.forward(d2.forward(d1.forward(x)))));
            return cat(b1.forward(x), seven, dbl, pool.forward(avgPool3(x, pooled)));
        }
    }

    /** InceptionD (Mixed_7a): in -> 320 + 192 + in channels at (h - 3) / 2 + 1. */
    static final class D extends InceptionBlock {
        private final BasicConv t1, t2, s1, s2, s3, s4;
        private final ReusableBuffer pooled = buffer();

        D(Device device, InceptionWeights w, List<AutoCloseable> owned, String name, int in) {
            super(device, w, name, owned);
            t1 = conv("branch3x3_1", in, 192, 1, 1, 0);
            t2 = conv("branch3x3_2", 192, 320, 3, 2, 0);
            s1 = conv("branch7x7x3_1", in, 192, 1, 1, 0);
            s2 = line("branch7x7x3_2", 192, 192, 1, 7);
            s3 = line("branch7x7x3_3", 192, 192, 7, 1);
            s4 = conv("branch7x7x3_4", 192, 192, 3, 2, 0);
        }

        @Override
        Tensor forward(Tensor x) {
            return cat(t2.forward(t1.forward(x)), s4.forward(s3.forward(s2.forward(s1.forward(x)))),
                    maxPool3(x, 2, 0, pooled));
        }
    }

    /** FIDInceptionE_1 (maxPool false) / E_2 (true): in -> 320 + 768 + 768 + 192 = 2048 channels. */
    static final class E extends InceptionBlock {
        private final BasicConv b1, t1, t2a, t2b, d1, d2, d3a, d3b, pool;
        private final boolean maxPool;
        private final ReusableBuffer pooled = buffer();

        E(Device device, InceptionWeights w, List<AutoCloseable> owned, String name, int in, boolean maxPool) {
            super(device, w, name, owned);
            this.maxPool = maxPool;
            b1 = conv("branch1x1", in, 320, 1, 1, 0);
            t1 = conv("branch3x3_1", in, 384, 1, 1, 0);
            t2a = line("branch3x3_2a", 384, 384, 1, 3);
            t2b = line("branch3x3_2b", 384, 384, 3, 1);
            d1 = conv("branch3x3dbl_1", in, 448, 1, 1, 0);
            d2 = conv("branch3x3dbl_2", 448, 384, 3, 1, 1);
            d3a = line("branch3x3dbl_3a", 384, 384, 1, 3);
            d3b = line("branch3x3dbl_3b", 384, 384, 3, 1);
            pool = conv("branch_pool", in, 192, 1, 1, 0);
        }

        @Override
        Tensor forward(Tensor x) {
            Tensor t = t1.forward(x);
            Tensor d = d2.forward(d1.forward(x));
            Tensor pooledX = maxPool ? maxPool3(x, 1, 1, pooled) : avgPool3(x, pooled);
            return cat(b1.forward(x), t2a.forward(t), t2b.forward(t), d3a.forward(d), d3b.forward(d),
                    pool.forward(pooledX));
        }
    }
}
