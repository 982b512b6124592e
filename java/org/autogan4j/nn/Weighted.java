package org.autogan4j.nn;

/** A layer with a weight (and maybe a bias) and fan sizes for initialisation: Conv2d, Linear, ConvTranspose2d. */
public interface Weighted {
    Parameter weight();

    /** The bias, or null when the layer has none. */
    Parameter bias();

    /** PyTorch's fan_in of the weight (dim 1 times the kernel area). */
    int fanIn();

    /** PyTorch's fan_out of the weight (dim 0 times the kernel area). */
    int fanOut();
}
