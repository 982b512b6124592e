// Softmax cross-entropy of class logits against integer labels, the Fashion-MNIST scorer's training
// loss: loss = -mean_i log softmax(logits_i)[label_i], dLogits = (softmax - onehot) / n. The logits
// are tiny (n, 10), so this runs on the host in double.
package org.autogan4j.metrics;

public final class SoftmaxCrossEntropy {
    /** The mean loss, dLogits (n, classes) row-major, and how many rows' argmax equals the label. */
    public record Result(double loss, float[] dLogits, int correct) {
    }

    private SoftmaxCrossEntropy() {
    }

    /** logits (n, classes) row-major, labels (n) in [0, classes). */
    public static Result compute(float[] logits, int[] labels, int classes) {
        int n = labels.length;
        if (classes < 1 || logits.length != (long) n * classes) {
            throw new IllegalArgumentException("cross-entropy needs logits (n, classes) for " + n + " labels and "
                    + classes + " classes; got " + logits.length + " values");
        }
        float[] dLogits = new float[logits.length];
        double loss = 0;
        int correct = 0;
        for (int i = 0; i < n; i++) {
            int label = labels[i];
            if (label < 0 || label >= classes) {
                throw new IllegalArgumentException("label " + label + " of row " + i + " is not in [0, " + classes + ")");
            }
            int row = i * classes;
            int argmax = 0;
            for (int k = 1; k < classes; k++) {
                if (logits[row + k] > logits[row + argmax]) {
                    argmax = k;
                }
            }
            double max = logits[row + argmax];
            double sum = 0;
            for (int k = 0; k < classes; k++) {
                sum += Math.exp(logits[row + k] - max);
            }
            double logSum = Math.log(sum) + max;
            loss += logSum - logits[row + label];
            for (int k = 0; k < classes; k++) {
                double p = Math.exp(logits[row + k] - logSum);
                dLogits[row + k] = (float) ((p - (k == label ? 1 : 0)) / n);
            }
            if (argmax == label) {
                correct++;
            }
        }
        return new Result(loss / n, dLogits, correct);
    }
}
