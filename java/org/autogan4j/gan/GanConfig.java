package org.autogan4j.gan;

/**
 * The sizes of one GAN (spec 1 and 3): image channels (1 for Fashion-MNIST, 3 for CIFAR-10/STL-10),
 * latent size, generator width gf_dim, discriminator width df_dim, bottom width of the stem, the
 * batch sizes of the D step (dis_bs, real and fake each) and G step (gen_bs), n_critic, Adam's
 * lr and betas (the same for G and D), the EMA decay and whether the EMA warms up (optim.Ema).
 */
public record GanConfig(int imgChannels, int latentDim, int gfDim, int dfDim, int bottomWidth, int disBatchSize,
        int genBatchSize, int nCritic, float lr, float beta1, float beta2, float emaDecay, boolean emaWarmup) {

    public GanConfig {
        positive("imgChannels", imgChannels);
        positive("latentDim", latentDim);
        positive("gfDim", gfDim);
        positive("dfDim", dfDim);
        positive("bottomWidth", bottomWidth);
        positive("disBatchSize", disBatchSize);
        positive("genBatchSize", genBatchSize);
        positive("nCritic", nCritic);
    }

    /** The original search on CIFAR-10 (spec 1, 3): latent 128, gf 128, df 64, bw 4, dis_bs 64, gen_bs 128. */
    public static GanConfig cifarSearch() {
        return new GanConfig(3, 128, 128, 64, 4, 64, 128, 5, 2e-4f, 0f, 0.9f, 0.999f, true);
    }

    /**
     * The small Fashion-MNIST GAN of the default `fmnist` search and training presets: 1 channel,
     * latent 64, gf 32, df 32, bw 4 (8/16/32 px by stage), dis_bs 32, gen_bs 64; the original's schedule
     * and optimiser. Sized so a whole search runs on a 2-core CPU in minutes.
     */
    public static GanConfig fashionMnist() {
        return new GanConfig(1, 64, 32, 32, 4, 32, 64, 5, 2e-4f, 0f, 0.9f, 0.999f, true);
    }

    /** The original's final training on CIFAR-10 (spec 1, 3): latent 128, gf 256, df 128, dis_bs 64, gen_bs 128. */
    public static GanConfig cifarDerived() {
        return new GanConfig(3, 128, 256, 128, 4, 64, 128, 5, 2e-4f, 0f, 0.9f, 0.999f, true);
    }

    /** This config with other widths, latent size and channels (same schedule and optimiser). */
    public GanConfig withSizes(int imgChannels, int latentDim, int gfDim, int dfDim, int bottomWidth) {
        return new GanConfig(imgChannels, latentDim, gfDim, dfDim, bottomWidth, disBatchSize, genBatchSize, nCritic,
                lr, beta1, beta2, emaDecay, emaWarmup);
    }

    /** This config with other batch sizes. */
    public GanConfig withBatches(int disBatchSize, int genBatchSize) {
        return new GanConfig(imgChannels, latentDim, gfDim, dfDim, bottomWidth, disBatchSize, genBatchSize, nCritic,
                lr, beta1, beta2, emaDecay, emaWarmup);
    }

    /** The image side at a search stage: bottom_width * 2^(stage + 1). */
    public int resolution(int stage) {
        return bottomWidth << (stage + 1);
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("GanConfig." + name + " = " + value + " must be >= 1");
        }
    }
}
