// How images reach the Inception network for FID: each mode is one published convention, and a FID is
// only comparable with FIDs computed the same way, so every FID carries its mode.
//   pytorch-fid  Seitzer's pytorch-fid: images as floats in [0, 1] (uint8 / 255 from files, (x + 1) / 2
//                from a generator), PyTorch bilinear resize to 299 (align_corners=False, half-pixel
//                centres, no antialias), then 2x - 1.
//   clean        clean-fid's "clean" mode (Parmar et al., 2022): uint8 images, PIL bicubic resize to 299
//                computed in float32 per channel, clipped to [0, 255], then (x - 128) / 128.
//   tf1          the TF1 Inception graph that TTUR's FID and the original AutoGAN code ran: uint8 images,
//                TF1 resize_bilinear (align_corners=False, no half-pixel centres), then (x - 128) / 128.
// Generator images (floats in [-1, 1]) become uint8 first in clean and tf1 (Uint8Batch.fromGenerated).
package org.autogan4j.metrics;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

public enum FidMode {
    PYTORCH_FID("pytorch-fid"),
    CLEAN("clean"),
    TF1("tf1");

    private final String id;

    FidMode(String id) {
        this.id = id;
    }

    /** The name written next to every FID and accepted by --mode. */
    public String id() {
        return id;
    }

    /** The mode named id (case-insensitive). */
    public static FidMode byName(String name) {
        for (FidMode mode : values()) {
            if (mode.id.equals(name.trim().toLowerCase(Locale.ROOT))) {
                return mode;
            }
        }
        throw new IllegalArgumentException("FID mode " + name + " is not one of "
                + Arrays.stream(values()).map(FidMode::id).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return id;
    }
}
