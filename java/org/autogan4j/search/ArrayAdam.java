package org.autogan4j.search;

import java.util.List;

/**
 * PyTorch's Adam (no weight decay, no amsgrad) over the controller's {@link ParamArray}s, in double
 * on the CPU: m = b1 m + (1-b1) g, v = b2 v + (1-b2) g^2, p -= lr / (1-b1^t) * m / (sqrt(v) /
 * sqrt(1-b2^t) + eps). The controller's settings (spec 4) are lr 3.5e-4, betas (0.0, 0.9), eps 1e-8.
 * The native Adam works on Tensors; this one is the tiny array twin the controller needs.
 */
public final class ArrayAdam {
    public static final double CONTROLLER_LR = 3.5e-4;
    public static final double BETA1 = 0.0;
    public static final double BETA2 = 0.9;
    public static final double EPS = 1e-8;

    private final List<ParamArray> params;
    private final double lr;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double[][] m;
    private final double[][] v;
    private long step;

    /** The controller's Adam (spec 4). */
    public ArrayAdam(List<ParamArray> params) {
        this(params, CONTROLLER_LR, BETA1, BETA2, EPS);
    }

    public ArrayAdam(List<ParamArray> params, double lr, double beta1, double beta2, double eps) {
        if (!(lr > 0) || beta1 < 0 || beta1 >= 1 || beta2 < 0 || beta2 >= 1 || !(eps > 0)) {
            throw new IllegalArgumentException("Adam needs lr > 0, betas in [0, 1) and eps > 0, got lr " + lr
                    + ", betas (" + beta1 + ", " + beta2 + "), eps " + eps);
        }
        this.params = List.copyOf(params);
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.m = new double[params.size()][];
        this.v = new double[params.size()][];
        for (int i = 0; i < params.size(); i++) {
            m[i] = new double[params.get(i).size()];
            v[i] = new double[params.get(i).size()];
        }
    }

    /** One update of every parameter from its current gradient. */
    public void step() {
        step++;
        double correction1 = 1 - Math.pow(beta1, step);
        double sqrtCorrection2 = Math.sqrt(1 - Math.pow(beta2, step));
        for (int i = 0; i < params.size(); i++) {
            double[] p = params.get(i).value();
            double[] g = params.get(i).grad();
            for (int e = 0; e < p.length; e++) {
                m[i][e] = beta1 * m[i][e] + (1 - beta1) * g[e];
                v[i][e] = beta2 * v[i][e] + (1 - beta2) * g[e] * g[e];
                p[e] -= lr / correction1 * m[i][e] / (Math.sqrt(v[i][e]) / sqrtCorrection2 + eps);
            }
        }
    }

    /** Steps taken so far (checkpoint state, with moments()). */
    public long steps() {
        return step;
    }

    /** The live first and second moments, per parameter in order: [0] = m, [1] = v (checkpoint state). */
    public double[][][] moments() {
        return new double[][][] {m, v};
    }

    /** Restores a checkpointed state: steps and moments shaped like moments(). */
    public void restore(long steps, double[][] firstMoments, double[][] secondMoments) {
        if (steps < 0 || firstMoments.length != m.length || secondMoments.length != v.length) {
            throw new IllegalArgumentException("Adam state needs steps >= 0 and " + m.length + " moment arrays each, got "
                    + steps + ", " + firstMoments.length + " and " + secondMoments.length);
        }
        for (int i = 0; i < m.length; i++) {
            if (firstMoments[i].length != m[i].length || secondMoments[i].length != v[i].length) {
                throw new IllegalArgumentException("Adam moment " + i + " (" + params.get(i).name() + ") needs "
                        + m[i].length + " values, got " + firstMoments[i].length + " and " + secondMoments[i].length);
            }
            System.arraycopy(firstMoments[i], 0, m[i], 0, m[i].length);
            System.arraycopy(secondMoments[i], 0, v[i], 0, v[i].length);
        }
        step = steps;
    }
}
