package org.autogan4j.metrics;

import java.io.IOException;

import org.autogan4j.tensor.Device;

public final class Scorers {
    private Scorers() {
    }

    public static Scorer forDataset(String dataset, Device device) throws IOException {
        if (!dataset.equals("fashion-mnist")) {
            throw new IllegalArgumentException("no scorer for " + dataset + " yet");
        }
        return FashionScorer.loadDefault(device);
    }
}
