package org.autogan4j.nn;

import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;
import org.autogan4j.tensor.UpsampleMode;

/** Interpolation by an integer factor (bilinear with align_corners = False, or nearest): x (n,c,h,w) -> y (n,c,f*h,f*w). */
public final class Upsample extends Layer {
    private final int factor;
    private UpsampleMode mode;
    private Tensor x;

    public Upsample(Device device, UpsampleMode mode, int factor) {
        super(device);
        if (factor < 1) {
            throw new IllegalArgumentException("upsample factor " + factor + " must be >= 1");
        }
        this.mode = mode;
        this.factor = factor;
    }

    /** Switches the interpolation (the shared generator's U token). */
    public void setMode(UpsampleMode mode) {
        this.mode = mode;
    }

    @Override
    public Tensor forward(Tensor x) {
        Tensor y = scratch("y", x.dim(0), x.dim(1), factor * x.dim(2), factor * x.dim(3));
        backend.upsampleForward(x, y, mode);
        this.x = x;
        return y;
    }

    @Override
    public Tensor backward(Tensor dy) {
        Tensor dx = scratch("dx", saved(x, "Upsample").shape().dims());
        backend.upsampleBackward(dy, dx, mode);
        return dx;
    }
}
