package org.autogan4j.optim;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.autogan4j.nn.Parameter;
import org.autogan4j.tensor.Tensor;

/**
 * PyTorch's Adam without weight decay over a list of parameters (spec 3: lr 2e-4, betas 0.0/0.9,
 * eps 1e-8 by default). Like PyTorch, a parameter that never had a gradient is skipped and its
 * state (m, v, step count) starts at its first gradient, so the unused choices of the shared
 * generator are left alone until an architecture uses them.
 */
public final class Adam implements AutoCloseable {
    public static final float DEFAULT_LR = 2e-4f;
    public static final float DEFAULT_BETA1 = 0.0f;
    public static final float DEFAULT_BETA2 = 0.9f;
    public static final float DEFAULT_EPS = 1e-8f;

    private final List<Parameter> params;
    private final float lr;
    private final float beta1;
    private final float beta2;
    private final float eps;
    private final Map<Parameter, State> states = new IdentityHashMap<>();

    private static final class State {
        final Tensor m;
        final Tensor v;
        int step;

        State(Parameter p) {
            m = Tensor.zeros(p.value().device(), p.shape().dims());
            v = Tensor.zeros(p.value().device(), p.shape().dims());
        }
    }

    public Adam(List<Parameter> params) {
        this(params, DEFAULT_LR, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPS);
    }

    public Adam(List<Parameter> params, float lr, float beta1, float beta2, float eps) {
        if (!(lr >= 0) || !(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(eps >= 0)) {
            throw new IllegalArgumentException("Adam needs lr >= 0, 0 <= beta1, beta2 < 1, eps >= 0; got lr " + lr
                    + ", betas " + beta1 + "/" + beta2 + ", eps " + eps);
        }
        this.params = new ArrayList<>(params);
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
    }

    /** One update of every parameter that has a gradient. */
    public void step() {
        for (Parameter p : params) {
            if (!p.hasGrad()) {
                continue;
            }
            State s = states.computeIfAbsent(p, State::new);
            s.step++;
            p.value().backend().adamStep(p.value(), p.grad(), s.m, s.v, lr, beta1, beta2, eps, s.step);
        }
    }

    public void zeroGrad() {
        for (Parameter p : params) {
            p.zeroGrad();
        }
    }

    /** The number of updates p has had (0 before its first gradient). */
    public int stepCount(Parameter p) {
        State s = states.get(p);
        return s == null ? 0 : s.step;
    }

    @Override
    public void close() {
        for (State s : states.values()) {
            s.m.close();
            s.v.close();
        }
        states.clear();
    }
}
