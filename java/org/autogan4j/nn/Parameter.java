package org.autogan4j.nn;

import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Shape;
import org.autogan4j.tensor.Tensor;

/**
 * A trainable tensor: its value and the gradient that backward passes accumulate into (the kernels'
 * policy: parameter gradients add up until {@link #zeroGrad()}). {@link #hasGrad()} becomes true the
 * first time a backward writes the gradient, like PyTorch's grad turning from None into a tensor:
 * Adam skips parameters that never had one (the unused choices of the shared generator).
 */
public final class Parameter implements AutoCloseable {
    private final String name;
    private final Tensor value;
    private final Tensor grad;
    private boolean hasGrad;
    private boolean requiresGrad = true;

    /** A zero-filled parameter of these dims; name is its local name inside its module. */
    public Parameter(String name, Device device, int... dims) {
        this.name = name;
        this.value = Tensor.zeros(device, dims);
        this.grad = Tensor.zeros(device, dims);
    }

    public String name() {
        return name;
    }

    public Tensor value() {
        return value;
    }

    /** The gradient (read it; layers add into it through {@link #gradToAdd()}). */
    public Tensor grad() {
        return grad;
    }

    /** The gradient, for a backward that is about to add into it (marks {@link #hasGrad()}). */
    public Tensor gradToAdd() {
        hasGrad = true;
        return grad;
    }

    public boolean hasGrad() {
        return hasGrad;
    }

    /** False while a backward must not compute this parameter's gradient (D inside the G step). */
    public boolean requiresGrad() {
        return requiresGrad;
    }

    public void setRequiresGrad(boolean on) {
        requiresGrad = on;
    }

    public Shape shape() {
        return value.shape();
    }

    /** grad = 0 (hasGrad stays as it was, as PyTorch 1.13's zero_grad keeps zeroed tensors). */
    public void zeroGrad() {
        grad.backend().fill(grad, 0f);
    }

    @Override
    public void close() {
        value.close();
        grad.close();
    }
}
