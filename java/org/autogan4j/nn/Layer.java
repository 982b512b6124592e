package org.autogan4j.nn;

import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;

/**
 * A module with one input and one output and an explicit backward (there is no autograd): forward
 * remembers what backward needs; backward(dy) adds the parameter gradients (when they are
 * required) and returns dx. The caller keeps x alive and unchanged until backward.
 */
public abstract class Layer extends Module {
    protected Layer(Device device) {
        super(device);
    }

    /** x -> y (y is this layer's scratch). */
    public abstract Tensor forward(Tensor x);

    /** dy (shape of the last y) -> dx (shape of the last x); parameter gradients +=. */
    public abstract Tensor backward(Tensor dy);

    /** Fails with a clear message when backward comes before any forward. */
    protected static Tensor saved(Tensor t, String layer) {
        if (t == null) {
            throw new IllegalStateException(layer + ".backward called before forward");
        }
        return t;
    }
}
