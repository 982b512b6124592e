package org.autogan4j.tensor;

/** Upsampling modes; the codes match ag_upsample_mode and the architecture's U token (spec 1.1). */
public enum UpsampleMode {
    /** bilinear, align_corners = False (PyTorch's default) */
    BILINEAR,
    /** PyTorch's 'nearest' */
    NEAREST;

    int code() {
        return ordinal();
    }
}
