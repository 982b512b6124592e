// The Scorer of the 3-channel datasets (CIFAR-10, STL-10) and of image folders: the 2015 Inception
// network. IS always follows the original TF1 computation (generated images quantized to uint8 as the
// original does, TF1 bilinear resize, logits without the fc bias, softmax over 1008 classes); the
// features for FID and KID follow the scorer's FidMode. When the mode is tf1 one forward serves both;
// otherwise asking for both runs the network twice (once per convention).
package org.autogan4j.metrics;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;

import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;

public final class InceptionScorer implements Scorer {
    private final InceptionV3 network;
    private final FidMode fidMode;
    private final InceptionInput input;

    /** Scores with network (closed with this scorer); features in fidMode's convention. */
    public InceptionScorer(InceptionV3 network, FidMode fidMode) {
        this.network = network;
        this.fidMode = fidMode;
        this.input = new InceptionInput(network.device());
    }

    /** The network on device from the weights file that InceptionWeightsFile picks for flag (may be null). */
    public static InceptionScorer load(Device device, Path flag, FidMode fidMode) throws IOException {
        return new InceptionScorer(InceptionV3.load(device, InceptionWeightsFile.require(flag)), fidMode);
    }

    @Override
    public String name() {
        return "inception-v3";
    }

    @Override
    public String fidMode() {
        return fidMode.id();
    }

    @Override
    public int channels() {
        return 3;
    }

    @Override
    public int classes() {
        return InceptionV3.CLASSES;
    }

    @Override
    public int featureDim() {
        return InceptionV3.FEATURES;
    }

    /** images (n, 3, h, w) in [-1, 1] -> probabilities (n, 1008) and/or pool3 features (n, 2048). */
    @Override
    public Scores score(Tensor images, Outputs outputs) {
        if (images.shape().rank() != 4 || images.dim(1) != 3) {
            throw new IllegalArgumentException("the Inception scorer takes 3-channel images (n, 3, h, w) in [-1, 1]; "
                    + "got " + images.shape());
        }
        Uint8Batch quantized = outputs.probabilities() || fidMode != FidMode.PYTORCH_FID
                ? Uint8Batch.fromGenerated(images.toArray(), images.dim(0), 3, images.dim(2), images.dim(3)) : null;
        return score(images.dim(0), quantized, () -> input.pytorchFid(images), outputs);
    }

    /** uint8 images (n, 3, h, w) -> probabilities (n, 1008) and/or pool3 features (n, 2048). */
    @Override
    public Scores score(Uint8Batch images, Outputs outputs) {
        return score(images.n(), images, () -> input.fromUint8(images, FidMode.PYTORCH_FID), outputs);
    }

    private Scores score(int n, Uint8Batch uint8, Supplier<Tensor> pytorchFidInput, Outputs outputs) {
        float[] probabilities = null;
        float[] features = null;
        if (outputs.probabilities()) {
            InceptionV3.Output out = network.forward(input.fromUint8(uint8, FidMode.TF1));
            probabilities = out.probabilities().toArray();
            if (fidMode == FidMode.TF1 && outputs.features()) {
                features = out.pool3().toArray();
            }
        }
        if (outputs.features() && features == null) {
            Tensor x = fidMode == FidMode.PYTORCH_FID ? pytorchFidInput.get() : input.fromUint8(uint8, fidMode);
            features = network.forward(x).pool3().toArray();
        }
        return new Scores(n, probabilities, features);
    }

    @Override
    public void close() {
        input.close();
        network.close();
    }
}
