// The 2015 TF Inception graph as pytorch-fid ports it (fid_inception_v3: torchvision's Inception3 layout
// with the FID Mixed blocks, InceptionBlocks), from its 299x299 input on: x (n, 3, 299, 299), already
// resized and normalised by one of the conventions (InceptionInput), gives the 2048-d pool3 features
// (adaptive average pool after Mixed_7c) for FID and KID, and for IS the logits pool3 x W^T of the
// 1008-way fc WITHOUT its bias, as the original IS takes them from softmax/logits/MatMul (the .pth
// holds the bias too; pytorch-fid's network has 1008 classes and loads the file strictly), and their
// softmax over all 1008 classes. Runs on the device of its weights; intermediate tensors are kept
// across batches and reallocated only when the batch size changes.
package org.autogan4j.metrics;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.autogan4j.tensor.Backend;
import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;

public final class InceptionV3 implements AutoCloseable {
    /** The side every convention resizes images to. */
    public static final int SIZE = 299;
    /** pool3 feature width. */
    public static final int FEATURES = 2048;
    /** fc outputs of the 2015 TF Inception graph (1000 ImageNet classes + 8 unused). */
    public static final int CLASSES = 1008;

    /** The device tensors of one forward; they stay valid until the next forward. */
    public record Output(Tensor pool3, Tensor logits, Tensor probabilities) {
    }

    private final Device device;
    /** Every tensor and buffer the network allocated, closed together (also when building fails). */
    private final List<AutoCloseable> owned = new ArrayList<>();
    private final List<BasicConv> stem = new ArrayList<>();
    private final List<InceptionBlock> blocks = new ArrayList<>();
    private final Tensor fcWeight;
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

    /** x (n, 3, 299, 299), normalised, on this network's device -> its pool3, unbiased logits and probabilities. */
    public Output forward(Tensor x) {
        if (x.shape().rank() != 4 || x.dim(1) != 3 || x.dim(2) != SIZE || x.dim(3) != SIZE) {
            throw new IllegalArgumentException("the Inception network takes (n, 3, 299, 299) images resized and "
                    + "normalised by InceptionInput, got " + x.shape());
        }
        if (x.device() != device) {
            throw new IllegalArgumentException("x is on " + x.device() + " but the network is on " + device);
        }
        Backend backend = x.backend();
        int n = x.dim(0);
        Tensor y = stem.get(0).forward(x);
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
        backend.linearForward(features, fcWeight, null, z);
        Tensor p = probabilities.get(device, n, CLASSES);
        backend.softmaxForward(z, p, false);
        return new Output(features, z, p);
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
