package org.autogan4j.optim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.autogan4j.nn.Parameter;
import org.autogan4j.tensor.Tensor;

/**
 * The moving average of the generator's parameters (spec 3): avg starts as a copy of each
 * parameter and becomes decay * avg + (1 - decay) * p after every G step. Buffers (BN running
 * statistics) are not averaged. {@link #swap()} exchanges the live values with the averages, for
 * evaluation or saving; calling it again restores them.
 */
public final class Ema implements AutoCloseable {
    public static final float DEFAULT_DECAY = 0.999f;

    private final float decay;
    private final Map<String, Parameter> params;
    private final Map<String, Tensor> averages = new LinkedHashMap<>();

    public Ema(Map<String, Parameter> params) {
        this(params, DEFAULT_DECAY);
    }

    public Ema(Map<String, Parameter> params, float decay) {
        if (!(decay >= 0 && decay <= 1)) {
            throw new IllegalArgumentException("EMA decay " + decay + " must be in [0, 1]");
        }
        this.decay = decay;
        this.params = new LinkedHashMap<>(params);
        params.forEach((name, p) -> averages.put(name, p.value().copyTo(p.value().device())));
    }

    public void update() {
        params.forEach((name, p) -> p.value().backend().emaUpdate(averages.get(name), p.value(), decay));
    }

    /** Exchanges every parameter's value with its average. */
    public void swap() {
        params.forEach((name, p) -> {
            Tensor avg = averages.get(name);
            try (Tensor live = p.value().copyTo(p.value().device())) {
                p.value().copyFrom(avg);
                avg.copyFrom(live);
            }
        });
    }

    /** The averages by parameter name (live tensors: do not close). */
    public Map<String, Tensor> averages() {
        return Collections.unmodifiableMap(averages);
    }

    @Override
    public void close() {
        averages.values().forEach(Tensor::close);
        averages.clear();
    }
}
