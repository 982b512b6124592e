// pytorch-fid's FID Inception network (fid_inception_v3 inside its InceptionV3 wrapper with
// resize_input and normalize_input), for the Inception Score and FID of spec section 7 in-process.
// Images (n, 3, h, w) in [0, 1] are resized to 299x299 (bilinear, align_corners=False), mapped to
// 2x - 1 and run through torchvision's Inception3 layout with the FID Mixed blocks (InceptionBlocks);
// the outputs are the 2048-d pool3 features (adaptive average pool after Mixed_7c) for FID and the
// 1008 logits of fc (with fc's bias, as pytorch-fid's weights hold it; the TF graph AutoGAN scored
// with has no bias on this layer) and their softmax for IS. Runs on the device of its weights;
// intermediate tensors are kept across batches and reallocated only when the batch size changes.
package org.autogan4j.metrics;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.autogan4j.tensor.Backend;
import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;
import org.autogan4j.tensor.UpsampleMode;

public final class InceptionV3 implements AutoCloseable {
    /** The side pytorch-fid resizes every image to. */
    public static final int SIZE = 299;
    /** pool3 feature width. */
    public static final int FEATURES = 2048;
    /** fc outputs of the 2015 TF Inception graph (1000 ImageNet classes + 8 unused). */
    public static final int CLASSES = 1008;

    /** Called after each batch with the images done so far and the total. */
    @FunctionalInterface
    public interface Progress {
        void update(int done, int total);
    }

    /** pool3 (n, 2048), logits (n, 1008) and softmax probabilities (n, 1008), row-major. */
    public record Features(int n, float[] pool3, float[] logits, float[] probabilities) {
    }

    /** The device tensors of one forward; they stay valid until the next forward. */
    public record Output(Tensor pool3, Tensor logits, Tensor probabilities) {
    }

    private final Device device;
    /** Every tensor and buffer the network allocated, closed together (also when building fails). */
    private final List<AutoCloseable> owned = new ArrayList<>();
    private final List<BasicConv> stem = new ArrayList<>();
    private final List<InceptionBlock> blocks = new ArrayList<>();
    private final Tensor fcWeight;
    private final Tensor fcBias;
    private final Tensor two;
    private final Tensor minusOne;
    private final ReusableBuffer input = buffer();
    private final ReusableBuffer resized = buffer();
    private final ReusableBuffer pool1 = buffer();
    private final ReusableBuffer pool2 = buffer();
    private final ReusableBuffer pool3 = buffer();
    private final ReusableBuffer logits = buffer();
    private final ReusableBuffer probabilities = buffer();

    /** The network on device with weights from source (torchvision state_dict names). */
    public InceptionV3(Device device, InceptionWeights weights) {
        this.device = device;
        try {
            stemConv(weights, "Conv2d_1a_3x3", 3, 32, 3, 2, 0);
            stemConv(weights, "Conv2d_2a_3x3", 32, 32, 3, 1, 0);
            stemConv(weights, "Conv2d_2b_3x3", 32, 64, 3, 1, 1);
            stemConv(weights, "Conv2d_3b_1x1", 64, 80, 1, 1, 0);
            stemConv(weights, "Conv2d_4a_3x3", 80, 192, 3, 1, 0);
            blocks.add(new InceptionBlocks.A(device, weights, owned, "Mixed_5b", 192, 32));
            blocks.add(new InceptionBlocks.A(device, weights, owned, "Mixed_5c", 256, 64));
            blocks.add(new InceptionBlocks.A(device, weights, owned, "Mixed_5d", 288, 64));
            blocks.add(new InceptionBlocks.B(device, weights, owned, "Mixed_6a", 288));
            blocks.add(new InceptionBlocks.C(device, weights, owned, "Mixed_6b", 768, 128));
            blocks.add(new InceptionBlocks.C(device, weights, owned, "Mixed_6c", 768, 160));
            blocks.add(new InceptionBlocks.C(device, weights, owned, "Mixed_6d", 768, 160));
            blocks.add(new InceptionBlocks.C(device, weights, owned, "Mixed_6e", 768, 192));
            blocks.add(new InceptionBlocks.D(device, weights, owned, "Mixed_7a", 768));
            blocks.add(new InceptionBlocks.E(device, weights, owned, "Mixed_7b", 1280, false));
            blocks.add(new InceptionBlocks.E(device, weights, owned, "Mixed_7c", 2048, true));
            fcWeight = own(weights.get("fc.weight", new int[] {CLASSES, FEATURES}), CLASSES, FEATURES);
            fcBias = own(weights.get("fc.bias", new int[] {CLASSES}), CLASSES);
            two = own(new float[] {2, 2, 2}, 3);
            minusOne = own(new float[] {-1, -1, -1}, 3);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private ReusableBuffer buffer() {
        ReusableBuffer b = new ReusableBuffer();
        owned.add(b);
        return b;
    }

    private Tensor own(float[] values, int... dims) {
        Tensor t = Tensor.of(device, values, dims);
        owned.add(t);
        return t;
    }

    private void stemConv(InceptionWeights weights, String name, int in, int k, int kernel, int stride, int pad) {
        BasicConv conv = BasicConv.square(device, weights, name, in, k, kernel, stride, pad);
        owned.add(conv);
        stem.add(conv);
    }

    /** The network on device with pytorch-fid's weights file (InceptionWeightsFile picks it). */
    public static InceptionV3 load(Device device, Path weightsFile) throws IOException {
        return new InceptionV3(device, InceptionWeights.fromFile(weightsFile));
    }

    public Device device() {
        return device;
    }

    /** x (n, 3, h, w) in [0, 1] on this network's device -> its pool3, logits and probabilities. */
    public Output forward(Tensor x) {
        if (x.shape().rank() != 4 || x.dim(1) != 3) {
            throw new IllegalArgumentException("the Inception network takes (n, 3, h, w) images in [0, 1], got "
                    + x.shape() + "; repeat a grayscale channel 3 times first");
        }
        if (x.device() != device) {
            throw new IllegalArgumentException("x is on " + x.device() + " but the network is on " + device);
        }
        Backend backend = x.backend();
        int n = x.dim(0);
        Tensor y = resized.get(device, n, 3, SIZE, SIZE);
        backend.upsampleForward(x, y, UpsampleMode.BILINEAR);
        backend.channelAffineForward(y, two, minusOne, y, false);
        y = stem.get(0).forward(y);
        y = stem.get(1).forward(y);
        y = stem.get(2).forward(y);
        y = InceptionBlock.maxPool3(y, 2, 0, pool1);
        y = stem.get(3).forward(y);
        y = stem.get(4).forward(y);
        y = InceptionBlock.maxPool3(y, 2, 0, pool2);
        for (InceptionBlock block : blocks) {
            y = block.forward(y);
        }
        Tensor features = pool3.get(device, n, FEATURES);
        backend.adaptiveAvgPool2dForward(y, features);
        Tensor z = logits.get(device, n, CLASSES);
        backend.linearForward(features, fcWeight, fcBias, z);
        Tensor p = probabilities.get(device, n, CLASSES);
        backend.softmaxForward(z, p, false);
        return new Output(features, z, p);
    }

    /** images (n, 3, h, w) in [0, 1], row-major on the host, in batches of batchSize; progress may be null. */
    public Features evaluate(float[] images, int n, int h, int w, int batchSize, Progress progress) {
        long per = 3L * h * w;
        if (n < 1 || h < 1 || w < 1 || batchSize < 1 || images.length != n * per) {
            throw new IllegalArgumentException("evaluate needs n >= 1 images of 3 x h x w values (n " + n + ", h " + h
                    + ", w " + w + ": " + n * per + " values, got " + images.length + ") and batchSize >= 1, got "
                    + batchSize);
        }
        float[] pool = new float[n * FEATURES];
        float[] logit = new float[n * CLASSES];
        float[] prob = new float[n * CLASSES];
        for (int start = 0; start < n; start += batchSize) {
            int b = Math.min(batchSize, n - start);
            Tensor x = input.get(device, b, 3, h, w);
            float[] batch = new float[(int) (b * per)];
            System.arraycopy(images, (int) (start * per), batch, 0, batch.length);
            x.copyFrom(batch);
            Output out = forward(x);
            System.arraycopy(out.pool3().toArray(), 0, pool, start * FEATURES, b * FEATURES);
            System.arraycopy(out.logits().toArray(), 0, logit, start * CLASSES, b * CLASSES);
            System.arraycopy(out.probabilities().toArray(), 0, prob, start * CLASSES, b * CLASSES);
            if (progress != null) {
                progress.update(start + b, n);
            }
        }
        return new Features(n, pool, logit, prob);
    }

    @Override
    public void close() {
        for (AutoCloseable resource : owned) {
            try {
                resource.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing the Inception network failed", e);
            }
        }
        owned.clear();
    }
}
