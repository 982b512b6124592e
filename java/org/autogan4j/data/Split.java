// Which part of a dataset to load: the training images (what AutoGAN trains and searches on) or
// the held-out test images.
package org.autogan4j.data;

public enum Split {
    TRAIN,
    TEST
}
