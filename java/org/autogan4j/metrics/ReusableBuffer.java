// One intermediate tensor of the Inception network that is kept across batches: get(dims) returns
// the same tensor while the shape stays the same and reallocates only when it changes (the last,
// smaller batch of an evaluation).
package org.autogan4j.metrics;

import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Shape;
import org.autogan4j.tensor.Tensor;

final class ReusableBuffer implements AutoCloseable {
    private Tensor tensor;

    /** A tensor of shape dims on device; its contents are whatever the last user left. */
    Tensor get(Device device, int... dims) {
        Shape shape = Shape.of(dims);
        if (tensor == null || !tensor.shape().equals(shape) || tensor.device() != device) {
            close();
            tensor = Tensor.empty(device, shape);
        }
        return tensor;
    }

    @Override
    public void close() {
        if (tensor != null) {
            tensor.close();
            tensor = null;
        }
    }
}
