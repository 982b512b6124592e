// The Scorer of the 3-channel datasets (CIFAR-10, STL-10): pytorch-fid's InceptionV3. Images (n, 3, h,
// w) in [-1, 1] become (x + 1) / 2 in [0, 1] (the network then resizes them to 299x299 itself); the
// 1008-way softmax gives IS and the 2048 pool3 features give FID (spec 7).
package org.autogan4j.metrics;

import java.io.IOException;
import java.nio.file.Path;

import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;

public final class InceptionScorer implements Scorer {
    private final InceptionV3 network;
    private final Tensor half;
    private Tensor unit;

    /** Scores with network (closed with this scorer). */
    public InceptionScorer(InceptionV3 network) {
        this.network = network;
        this.half = Tensor.of(network.device(), new float[] {0.5f, 0.5f, 0.5f}, 3);
    }

    /** The network on device from the weights file that InceptionWeightsFile picks for flag (may be null). */
    public static InceptionScorer load(Device device, Path flag) throws IOException {
        return new InceptionScorer(InceptionV3.load(device, InceptionWeightsFile.require(flag)));
    }

    @Override
    public String name() {
        return "inception-v3";
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

    /** images (n, 3, h, w) in [-1, 1] -> probabilities (n, 1008) and pool3 features (n, 2048). */
    @Override
    public Scores score(Tensor images) {
        if (images.shape().rank() != 4 || images.dim(1) != 3) {
            throw new IllegalArgumentException("the Inception scorer takes 3-channel images (n, 3, h, w) in [-1, 1]; "
                    + "got " + images.shape());
        }
        int[] dims = images.shape().dims();
        if (unit == null || !unit.shape().equals(images.shape())) {
            if (unit != null) {
                unit.close();
            }
            unit = Tensor.empty(network.device(), dims);
        }
        images.backend().channelAffineForward(images, half, half, unit, false);
        InceptionV3.Output out = network.forward(unit);
        return new Scores(dims[0], out.probabilities().toArray(), out.pool3().toArray());
    }

    @Override
    public void close() {
        if (unit != null) {
            unit.close();
            unit = null;
        }
        half.close();
        network.close();
    }
}
