package org.autogan4j.gan;

import java.util.List;

import org.autogan4j.gan.CellChoice.Conv;
import org.autogan4j.gan.CellChoice.Up;
import org.autogan4j.nn.Layer;
import org.autogan4j.nn.Module;
import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;

/**
 * One generator cell (spec 1.3-1.5), x (n,C,h,w) and the earlier cells' skip outputs ->
 * out (n,C,2h,2w) and the skip output s (n,C,2h,2w):
 * h = conv1 block(x); s = h + sum over set skip flags of skip_in_ops[i](resize(skip_ft[i]));
 * out = conv2 block(s) [+ c_sc(up(x)) when SC is on].
 * The skips are added out of place, so the post-activation backward works, while s keeps the
 * original's aliasing: the skip output includes the skip contributions this cell received.
 * The modules live in {@link CellBlocks}; this class runs them forward and backward.
 */
public final class Cell extends Module {
    private final CellBlocks blocks;
    private CellChoice choice;
    private GenBlock conv1;
    private GenBlock conv2;
    private Layer scUp;
    private Layer[] resize;
    private Tensor skipOut;
    private final Tensor[] skipGrads;

    /** Cell index (1..3) of width channels; fixed = null builds the shared cell with every choice. */
    Cell(Device device, int index, int channels, CellChoice fixed) {
        super(device);
        this.blocks = new CellBlocks(this, device, index, channels, fixed);
        this.skipGrads = new Tensor[index - 1];
        if (fixed != null) {
            setArch(fixed);
        }
    }

    /** Registers a module of {@link CellBlocks} under its state_dict name. */
    <M extends Module> M register(String name, M child) {
        return addChild(name, child);
    }

    /** Selects this cell's choices (the shared generator's set_arch). */
    public void setArch(CellChoice c) {
        if (c.skipFrom().length != skipGrads.length) {
            throw new IllegalArgumentException("cell " + blocks.index() + " takes " + skipGrads.length
                    + " skip flags, got " + c.skipFrom().length);
        }
        boolean pre = c.conv() == Conv.PRE;
        conv1 = blocks.block(pre, 1);
        conv2 = blocks.block(pre, 2);
        conv1.setArch(c.norm(), c.up());
        conv2.setArch(c.norm(), c.up());
        scUp = c.shortcut() ? blocks.shortcutUp(c.up()) : null;
        resize = new Layer[skipGrads.length];
        for (int i = 0; i < resize.length; i++) {
            resize[i] = c.skipFrom()[i] ? blocks.skipResize(i, c.up()) : null;
        }
        choice = c;
    }

    public CellChoice choice() {
        return choice;
    }

    /** x (n,C,h,w), skipFt[i] the skip output of cell i + 1 -> out (n,C,2h,2w); see {@link #skipOut()}. */
    public Tensor forward(Tensor x, List<Tensor> skipFt) {
        if (choice == null) {
            throw new IllegalStateException("cell " + blocks.index() + ": forward before setArch");
        }
        Tensor h = conv1.forward(x);
        Tensor s = h;
        for (int i = 0; i < resize.length; i++) {
            if (resize[i] != null) {
                Tensor contribution = blocks.skipIn(i).forward(resize[i].forward(skipFt.get(i)));
                Tensor sum = scratch("s", h.shape().dims());
                backend.add(sum, s, contribution);
                s = sum;
            }
        }
        skipOut = s;
        Tensor out = conv2.forward(s);
        if (scUp == null) {
            return out;
        }
        Tensor shortcut = blocks.cSc().forward(scUp.forward(x));
        Tensor y = scratch("y", out.shape().dims());
        backend.add(y, out, shortcut);
        return y;
    }

    /** The skip output s of the last forward (n,C,2h,2w). */
    public Tensor skipOut() {
        return skipOut;
    }

    /**
     * dOut (n,C,2h,2w) and dSkip, the gradient reaching s from later cells (null if none) -> dx;
     * {@link #skipGrad(int)} then holds the gradient of each skip input.
     */
    public Tensor backward(Tensor dOut, Tensor dSkip) {
        Tensor ds = conv2.backward(dOut);
        if (dSkip != null) {
            Tensor total = scratch("ds", ds.shape().dims());
            backend.add(total, ds, dSkip);
            ds = total;
        }
        for (int i = 0; i < resize.length; i++) {
            skipGrads[i] = resize[i] == null ? null : resize[i].backward(blocks.skipIn(i).backward(ds));
        }
        Tensor dx = conv1.backward(ds);
        if (scUp == null) {
            return dx;
        }
        Tensor dxShortcut = scUp.backward(blocks.cSc().backward(dOut));
        Tensor sum = scratch("dx", dx.shape().dims());
        backend.add(sum, dx, dxShortcut);
        return sum;
    }

    /** The gradient of skip input i from the last backward, or null when that skip is off. */
    public Tensor skipGrad(int i) {
        return skipGrads[i];
    }
}
