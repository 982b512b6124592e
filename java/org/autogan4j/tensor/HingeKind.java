package org.autogan4j.tensor;

/** The three hinge-loss pieces of spec 3 (codes match ag_hinge_kind). */
public enum HingeKind {
    /** mean(relu(1 - x)): the discriminator on real images */
    REAL,
    /** mean(relu(1 + x)): the discriminator on generated images */
    FAKE,
    /** -mean(x): the generator */
    GEN;

    int code() {
        return ordinal();
    }
}
