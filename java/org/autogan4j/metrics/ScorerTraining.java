// Trains the Fashion-MNIST scorer: Init with a seeded Rng, Adam, shuffled mini-batches from a
// BatchLoader with the same seed, softmax cross-entropy; one line per epoch with the mean loss, the
// train accuracy (of the training batches, in train mode), the test accuracy (eval mode) and the
// seconds taken. Step decay: the last third of the epochs (rounded down) run with a fresh Adam at
// LR * DECAY. Same seed, data and device give the same weights.
package org.autogan4j.metrics;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Iterator;

import org.autogan4j.data.Batch;
import org.autogan4j.data.BatchLoader;
import org.autogan4j.data.Dataset;
import org.autogan4j.nn.Init;
import org.autogan4j.nn.Rng;
import org.autogan4j.optim.Adam;
import org.autogan4j.tensor.Tensor;

public final class ScorerTraining {
    /** Images per training step. */
    public static final int BATCH = 64;
    /** Adam's step size and betas (PyTorch's defaults: a plain classifier needs no GAN betas). */
    public static final float LR = 1e-3f;
    public static final float BETA1 = 0.9f;
    public static final float BETA2 = 0.999f;
    public static final float EPS = 1e-8f;
    /** The step size factor of the last third of the epochs. */
    public static final float DECAY = 0.1f;

    private ScorerTraining() {
    }

    /** Initialises scorer from seed, trains it epochs times over train and returns its test accuracy. */
    public static double train(FashionScorer scorer, Dataset train, Dataset test, int epochs, long seed, PrintStream log) {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs is " + epochs + "; it must be >= 1");
        }
        Init.apply(scorer, new Rng(seed));
        BatchLoader loader = new BatchLoader(train, BATCH, seed, scorer.device());
        int decayAt = epochs - epochs / 3;
        double testAccuracy = 0;
        Adam adam = null;
        try {
            for (int epoch = 0; epoch < epochs; epoch++) {
                if (epoch == 0 || epoch == decayAt) {
                    if (adam != null) {
                        adam.close();
                    }
                    float lr = epoch < decayAt ? LR : LR * DECAY;
                    adam = new Adam(new ArrayList<>(scorer.namedParameters().values()), lr, BETA1, BETA2, EPS);
                }
                long start = System.nanoTime();
                double[] lossAndCorrect = epoch(scorer, loader, adam, epoch);
                testAccuracy = scorer.accuracy(test);
                log.printf("epoch %d/%d: loss %.4f, train accuracy %.4f, test accuracy %.4f, %.1f s%n", epoch + 1, epochs,
                        lossAndCorrect[0] / train.size(), lossAndCorrect[1] / train.size(), testAccuracy,
                        (System.nanoTime() - start) / 1e9);
            }
        } finally {
            if (adam != null) {
                adam.close();
            }
        }
        return testAccuracy;
    }

    /** One pass over loader's epoch in train mode; returns {summed loss, correct predictions}. */
    private static double[] epoch(FashionScorer scorer, BatchLoader loader, Adam adam, int epoch) {
        scorer.train(true);
        double lossSum = 0;
        int correct = 0;
        for (Iterator<Batch> it = loader.epoch(epoch); it.hasNext(); ) {
            try (Batch batch = it.next()) {
                adam.zeroGrad();
                Tensor logits = scorer.logits(batch.x());
                SoftmaxCrossEntropy.Result r = SoftmaxCrossEntropy.compute(logits.toArray(), batch.labels(),
                        FashionScorer.CLASSES);
                try (Tensor dLogits = Tensor.of(scorer.device(), r.dLogits(), batch.size(), FashionScorer.CLASSES)) {
                    scorer.backward(dLogits);
                }
                adam.step();
                lossSum += r.loss() * batch.size();
                correct += r.correct();
            }
        }
        return new double[] {lossSum, correct};
    }
}
