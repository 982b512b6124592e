package org.autogan4j.nn;

import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;

/**
 * BatchNorm2d(c), affine, tracking running statistics (eps 1e-5, momentum 0.1, PyTorch's defaults):
 * x (n,c,h,w) -> y. Training normalises with the batch statistics and updates running_mean and
 * running_var (unbiased); eval uses the running statistics. Backward is defined for training mode.
 */
public final class BatchNorm2d extends Layer {
    public static final float EPS = 1e-5f;
    public static final float MOMENTUM = 0.1f;

    private final int channels;
    private final Parameter weight;
    private final Parameter bias;
    private final Tensor runningMean;
    private final Tensor runningVar;
    private Tensor x;

    public BatchNorm2d(Device device, int channels) {
        super(device);
        this.channels = channels;
        this.weight = addParameter("weight", channels);
        this.bias = addParameter("bias", channels);
        this.runningMean = addBuffer("running_mean", channels);
        this.runningVar = addBuffer("running_var", channels);
        backend.fill(weight.value(), 1f);
        backend.fill(runningVar, 1f);
    }

    @Override
    public Tensor forward(Tensor x) {
        Tensor y = scratch("y", x.shape().dims());
        if (isTraining()) {
            backend.batchNorm2dForwardTrain(x, weight.value(), bias.value(), y, scratch("saveMean", channels),
                    scratch("saveInvStd", channels), runningMean, runningVar, EPS, MOMENTUM);
            this.x = x;
        } else {
            backend.batchNorm2dForwardEval(x, weight.value(), bias.value(), runningMean, runningVar, y, EPS);
            this.x = null;
        }
        return y;
    }

    @Override
    public Tensor backward(Tensor dy) {
        if (x == null) {
            throw new IllegalStateException("BatchNorm2d.backward needs a training-mode forward first "
                    + "(call train(true) before the forward whose gradient you want)");
        }
        Tensor dx = scratch("dx", x.shape().dims());
        Tensor gammaGrad = weight.requiresGrad() ? weight.gradToAdd() : scratch("unusedGammaGrad", channels);
        Tensor betaGrad = bias.requiresGrad() ? bias.gradToAdd() : scratch("unusedBetaGrad", channels);
        backend.batchNorm2dBackward(x, dy, weight.value(), scratch("saveMean", channels),
                scratch("saveInvStd", channels), dx, gammaGrad, betaGrad);
        return dx;
    }

    public Parameter weight() {
        return weight;
    }

    public Parameter bias() {
        return bias;
    }

    public Tensor runningMean() {
        return runningMean;
    }

    public Tensor runningVar() {
        return runningVar;
    }
}
