package org.autogan4j.optim;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
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

    /**
     * Checkpoint state of the named parameters that have had a gradient: "<name>.exp_avg" and
     * "<name>.exp_avg_sq" (PyTorch's names; live tensors, do not close) and the step counts by name.
     */
    public Map<String, Tensor> moments(Map<String, Parameter> named) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        named.forEach((name, p) -> {
            State s = states.get(p);
            if (s != null) {
                out.put(name + ".exp_avg", s.m);
                out.put(name + ".exp_avg_sq", s.v);
            }
        });
        return out;
    }

    /** Step counts of the named parameters that have had a gradient (checkpoint state with moments). */
    public Map<String, Integer> stepCounts(Map<String, Parameter> named) {
        Map<String, Integer> out = new LinkedHashMap<>();
        named.forEach((name, p) -> {
            State s = states.get(p);
            if (s != null) {
                out.put(name, s.step);
            }
        });
        return out;
    }

    /**
     * Prepares a restore of what moments and stepCounts saved: drops the current state, gives each
     * parameter named in steps its saved step count and zero moments, and returns those moments under
     * moments()'s names (live tensors: fill them from the checkpoint, e.g. with Checkpoint.readInto).
     */
    public Map<String, Tensor> restoreTargets(Map<String, Parameter> named, Map<String, Integer> steps) {
        close();
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : steps.entrySet()) {
            Parameter p = named.get(e.getKey());
            if (p == null || !params.contains(p) || e.getValue() < 1) {
                throw new IllegalArgumentException("Adam state names parameter \"" + e.getKey() + "\" with "
                        + e.getValue() + " steps; this optimiser has no such parameter or the count is not >= 1");
            }
            State s = new State(p);
            s.step = e.getValue();
            states.put(p, s);
            out.put(e.getKey() + ".exp_avg", s.m);
            out.put(e.getKey() + ".exp_avg_sq", s.v);
        }
        return out;
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
