// The Inception Score of spec section 7 from class probabilities p (n, classes), as the
// improved-gan / AutoGAN code computes it: the rows split into `splits` consecutive parts
// [i*n/splits, (i+1)*n/splits), each scored exp(mean_i KL(p_i || mean of the part's rows)), and the
// score reported as the mean and the standard deviation (numpy's default, ddof 0) over the parts.
// Sums run in double; 0 * log 0 counts as 0.
package org.autogan4j.metrics;

public final class InceptionScore {
    /** The splits of spec section 7. */
    public static final int DEFAULT_SPLITS = 10;

    /** The score: mean and standard deviation over the splits. */
    public record Result(double mean, double std) {
    }

    private InceptionScore() {
    }

    /** IS of probabilities p (n rows of classes values, row-major) in DEFAULT_SPLITS splits. */
    public static Result fromProbabilities(float[] p, int n, int classes) {
        return fromProbabilities(p, n, classes, DEFAULT_SPLITS);
    }

    /** IS of p[n][classes] in splits splits. */
    public static Result fromProbabilities(float[][] p, int splits) {
        int classes = p.length == 0 ? 0 : p[0].length;
        float[] flat = new float[p.length * classes];
        for (int i = 0; i < p.length; i++) {
            if (p[i].length != classes) {
                throw new IllegalArgumentException("row " + i + " has " + p[i].length + " classes, row 0 has " + classes);
            }
            System.arraycopy(p[i], 0, flat, i * classes, classes);
        }
        return fromProbabilities(flat, p.length, classes, splits);
    }

    /** IS of probabilities p (n, classes) row-major, in splits splits. */
    public static Result fromProbabilities(float[] p, int n, int classes, int splits) {
        if (splits < 1 || n < splits || classes < 1 || (long) n * classes != p.length) {
            throw new IllegalArgumentException("IS needs n >= splits >= 1 rows of classes >= 1 probabilities; got n "
                    + n + ", classes " + classes + ", splits " + splits + " and " + p.length + " values");
        }
        double[] scores = new double[splits];
        for (int s = 0; s < splits; s++) {
            scores[s] = splitScore(p, (int) ((long) s * n / splits), (int) ((long) (s + 1) * n / splits), classes);
        }
        double mean = 0;
        for (double score : scores) {
            mean += score;
        }
        mean /= splits;
        double variance = 0;
        for (double score : scores) {
            variance += (score - mean) * (score - mean);
        }
        return new Result(mean, Math.sqrt(variance / splits));
    }

    /** exp(mean over rows [from, to) of KL(p_i || p_part)), p_part the mean of those rows. */
    private static double splitScore(float[] p, int from, int to, int classes) {
        double[] marginal = new double[classes];
        for (int i = from; i < to; i++) {
            for (int c = 0; c < classes; c++) {
                marginal[c] += p[i * classes + c];
            }
        }
        double[] logMarginal = new double[classes];
        for (int c = 0; c < classes; c++) {
            logMarginal[c] = Math.log(marginal[c] / (to - from));
        }
        double kl = 0;
        for (int i = from; i < to; i++) {
            for (int c = 0; c < classes; c++) {
                double pic = p[i * classes + c];
                if (pic < 0 || Double.isNaN(pic)) {
                    throw new IllegalArgumentException("probability p[" + i + "][" + c + "] = " + pic + " is not >= 0");
                }
                if (pic > 0) {
                    kl += pic * (Math.log(pic) - logMarginal[c]);
                }
            }
        }
        return Math.exp(kl / (to - from));
    }
}
