// The GAN sizes and optimiser numbers of a train run as settings (the "config" object of its
// config.json, under GanConfig's names): unlike GanConfig this record checks nothing itself, so that
// TrainSettings.validate can refuse a bad value naming the flag that set it.
package org.autogan4j.app;

import org.autogan4j.gan.GanConfig;

public record GanSettings(int imgChannels, int latentDim, int gfDim, int dfDim, int bottomWidth, int disBatchSize,
        int genBatchSize, int nCritic, float lr, float beta1, float beta2, float emaDecay, boolean emaWarmup) {
    static GanSettings of(GanConfig c) {
        return new GanSettings(c.imgChannels(), c.latentDim(), c.gfDim(), c.dfDim(), c.bottomWidth(), c.disBatchSize(),
                c.genBatchSize(), c.nCritic(), c.lr(), c.beta1(), c.beta2(), c.emaDecay(), c.emaWarmup());
    }

    /** These settings as the GanConfig the networks take (call after TrainSettings.validate). */
    GanConfig gan() {
        return new GanConfig(imgChannels, latentDim, gfDim, dfDim, bottomWidth, disBatchSize, genBatchSize, nCritic,
                lr, beta1, beta2, emaDecay, emaWarmup);
    }
}
