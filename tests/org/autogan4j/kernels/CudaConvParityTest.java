// CUDA twins against CPU twins for conv2d (3x3 pad 1, 1x1 pad 0, 3x3 pad 0; strided and rectangular
// kernels) and conv_transpose2d (k2 s2): forward, backward-data and backward-weight (+= into random
// gradients), with and without bias, at small odd shapes, at AutoGAN's (N 64/128, C 64..256, 4..32
// px) and at InceptionV3's strided and 1x7 / 7x1 layers. Default TF32 mode
// within CudaParity.TF32_REL; strict FP32 (CudaDevice.setTf32(false)) within the FP32 tolerance of
// each pass's reduction length.
package org.autogan4j.kernels;

import static org.autogan4j.testing.CudaParity.assertNormClose;
import static org.autogan4j.testing.CudaParity.reduction;
import static org.autogan4j.testing.TwinTensors.both;
import static org.autogan4j.testing.TwinTensors.on;

import org.autogan4j.testing.CudaParity;
import org.autogan4j.tensor.CudaDevice;
import org.autogan4j.testing.TwinTensors;
import org.autogan4j.testing.TwinTensors.Twin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("cuda")
class CudaConvParityTest {
    /** conv2d cases {n, c, h, w, k, kh, kw, sh, sw, ph, pw}: small odd ones, AutoGAN's, then InceptionV3's. */
    private static final int[][] CONV_TF32 = {{3, 5, 7, 9, 6, 3, 3, 1, 1, 1, 1}, {3, 5, 7, 9, 6, 1, 1, 1, 1, 0, 0},
        {2, 3, 6, 5, 4, 3, 3, 1, 1, 0, 0}, {1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0}, {3, 5, 7, 9, 6, 3, 3, 2, 2, 1, 1},
        {3, 5, 7, 9, 6, 3, 3, 2, 2, 0, 0}, {3, 5, 8, 9, 6, 1, 1, 2, 2, 0, 0}, {3, 5, 7, 9, 6, 1, 7, 1, 1, 0, 3},
        {3, 5, 9, 7, 6, 7, 1, 1, 1, 3, 0}, {2, 3, 9, 8, 4, 3, 2, 2, 1, 1, 0}, {64, 128, 16, 16, 128, 3, 3, 1, 1, 1, 1},
        {128, 256, 8, 8, 256, 3, 3, 1, 1, 1, 1}, {64, 64, 32, 32, 64, 3, 3, 1, 1, 1, 1},
        {128, 128, 4, 4, 128, 3, 3, 1, 1, 1, 1}, {64, 256, 16, 16, 128, 1, 1, 1, 1, 0, 0},
        {4, 288, 35, 35, 384, 3, 3, 2, 2, 0, 0}, {4, 160, 17, 17, 192, 1, 7, 1, 1, 0, 3},
        {4, 160, 17, 17, 192, 7, 1, 1, 1, 3, 0}, {4, 3, 299, 299, 32, 3, 3, 2, 2, 0, 0}};
    private static final int[][] CONV_STRICT = {{3, 5, 7, 9, 6, 3, 3, 1, 1, 1, 1}, {3, 5, 7, 9, 6, 1, 1, 1, 1, 0, 0},
        {128, 256, 8, 8, 256, 3, 3, 1, 1, 1, 1}, {3, 5, 7, 9, 6, 3, 3, 2, 2, 1, 1}, {3, 5, 7, 9, 6, 1, 7, 1, 1, 0, 3},
        {2, 3, 9, 8, 4, 3, 2, 2, 1, 1, 0}};
    /** conv_transpose2d cases {n, c, h, w, k}. */
    private static final int[][] DECONV_TF32 = {{3, 5, 7, 9, 6}, {1, 1, 1, 1, 1}, {64, 256, 8, 8, 256},
        {128, 128, 16, 16, 128}, {128, 256, 4, 4, 256}};
    private static final int[][] DECONV_STRICT = {{3, 5, 7, 9, 6}, {64, 256, 8, 8, 256}};

    @BeforeEach
    void requireCuda() {
        CudaParity.requireCuda();
    }

    @Test
    void conv2dMatchesInTf32() {
        for (int[] s : CONV_TF32) {
            checkConv2d(s, false, true);
        }
        checkConv2d(CONV_TF32[0], false, false);
    }

    @Test
    void conv2dMatchesInStrictFp32() {
        CudaParity.setTf32(false);
        try {
            for (int[] s : CONV_STRICT) {
                checkConv2d(s, true, true);
            }
        } finally {
            CudaParity.setTf32(true);
        }
    }

    @Test
    void convTranspose2dMatchesInTf32() {
        for (int[] s : DECONV_TF32) {
            checkConvTranspose2d(s, false, true);
        }
        checkConvTranspose2d(DECONV_TF32[0], false, false);
    }

    @Test
    void convTranspose2dMatchesInStrictFp32() {
        CudaParity.setTf32(false);
        try {
            for (int[] s : DECONV_STRICT) {
                checkConvTranspose2d(s, true, true);
            }
        } finally {
            CudaParity.setTf32(true);
        }
    }

    /**
     * The tolerance of a pass reducing over length terms: TF32's, or strict FP32's for that length,
     * plus Winograd's own error where the CPU twin may take that path (3x3, stride 1, pad 1).
     */
    private static double tolerance(boolean strict, long length, boolean winograd) {
        double fp32 = reduction(length) + (winograd ? CudaParity.WINOGRAD_REL : 0);
        return strict ? fp32 : Math.max(CudaParity.TF32_REL, fp32);
    }

    private static void checkConv2d(int[] s, boolean strict, boolean withBias) {
        int n = s[0], c = s[1], h = s[2], w = s[3], k = s[4], kh = s[5], kw = s[6], sh = s[7], sw = s[8];
        int ph = s[9], pw = s[10];
        int p = (h + 2 * ph - kh) / sh + 1, q = (w + 2 * pw - kw) / sw + 1;
        String what = "conv2d x (" + n + "," + c + "," + h + "," + w + ") k " + k + " kernel " + kh + "x" + kw
                + " stride " + sh + "x" + sw + " pad " + ph + "x" + pw + (strict ? " strict FP32" : " TF32")
                + (withBias ? "" : " no bias");
        boolean winograd = kh == 3 && kw == 3 && sh == 1 && sw == 1 && ph == 1 && pw == 1;
        try (TwinTensors t = new TwinTensors()) {
            // x (n,c,h,w), weight (k,c,kh,kw), bias (k) -> y (n,k,p,q)
            Twin x = t.random(1, n, c, h, w);
            Twin weight = t.random(2, k, c, kh, kw);
            Twin bias = withBias ? t.random(3, k) : null;
            Twin y = t.poisoned(n, k, p, q);
            both(d -> d.backend().conv2dForward(x.on(d), weight.on(d), on(bias, d), y.on(d), sh, sw, ph, pw));
            assertNormClose(y, tolerance(strict, (long) c * kh * kw, winograd), what + " forward y");

            Twin dy = t.random(4, n, k, p, q);
            Twin dx = t.poisoned(n, c, h, w);
            both(d -> d.backend().conv2dBackwardData(dy.on(d), weight.on(d), dx.on(d), sh, sw, ph, pw));
            assertNormClose(dx, tolerance(strict, (long) k * kh * kw, winograd), what + " backwardData dx");

            // The gradients accumulate: start them at the size of what is added, so that = instead
            // of += misses by O(1).
            long terms = (long) n * p * q;
            float scale = (float) Math.sqrt(terms);
            Twin weightGrad = t.normal(5, 0f, scale, k, c, kh, kw);
            Twin biasGrad = withBias ? t.normal(6, 0f, scale, k) : null;
            both(d -> d.backend().conv2dBackwardWeight(x.on(d), dy.on(d), weightGrad.on(d), on(biasGrad, d), sh, sw,
                    ph, pw));
            assertNormClose(weightGrad, tolerance(strict, terms, winograd), what + " backwardWeight weightGrad +=");
            if (withBias) {
                assertNormClose(biasGrad, tolerance(strict, terms, false), what + " backwardWeight biasGrad +=");
            }
        }
    }

    private static void checkConvTranspose2d(int[] s, boolean strict, boolean withBias) {
        int n = s[0], c = s[1], h = s[2], w = s[3], k = s[4];
        String what = "conv_transpose2d x (" + n + "," + c + "," + h + "," + w + ") k " + k
                + (strict ? " strict FP32" : " TF32") + (withBias ? "" : " no bias");
        try (TwinTensors t = new TwinTensors()) {
            // x (n,c,h,w), weight (c,k,2,2), bias (k) -> y (n,k,2h,2w)
            Twin x = t.random(11, n, c, h, w);
            Twin weight = t.random(12, c, k, 2, 2);
            Twin bias = withBias ? t.random(13, k) : null;
            Twin y = t.poisoned(n, k, 2 * h, 2 * w);
            both(d -> d.backend().convTranspose2dForward(x.on(d), weight.on(d), on(bias, d), y.on(d)));
            assertNormClose(y, tolerance(strict, c, false), what + " forward y");

            Twin dy = t.random(14, n, k, 2 * h, 2 * w);
            Twin dx = t.poisoned(n, c, h, w);
            both(d -> d.backend().convTranspose2dBackwardData(dy.on(d), weight.on(d), dx.on(d)));
            assertNormClose(dx, tolerance(strict, 4L * k, false), what + " backwardData dx");

            long terms = (long) n * h * w;
            float scale = (float) Math.sqrt(terms);
            Twin weightGrad = t.normal(15, 0f, scale, c, k, 2, 2);
            Twin biasGrad = withBias ? t.normal(16, 0f, 2 * scale, k) : null;
            both(d -> d.backend().convTranspose2dBackwardWeight(x.on(d), dy.on(d), weightGrad.on(d),
                    on(biasGrad, d)));
            assertNormClose(weightGrad, tolerance(strict, terms, false), what + " backwardWeight weightGrad +=");
            if (withBias) {
                assertNormClose(biasGrad, tolerance(strict, 4 * terms, false), what + " backwardWeight biasGrad +=");
            }
        }
    }
}
