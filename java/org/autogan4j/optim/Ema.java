package org.autogan4j.optim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.autogan4j.nn.Parameter;
import org.autogan4j.tensor.Tensor;

/**
 * The moving average of the generator's parameters (spec 3): avg starts as a copy of each
 * parameter and becomes d * avg + (1 - d) * p after every G step. Without warm-up d is the decay;
 * with warm-up it is TensorFlow's num_updates form, d = min(decay, (1 + n) / (10 + n)) with n the
 * updates done before this one, so a short run's average is not mostly its initial weights. n is
 * part of a checkpoint ({@link #updates()}, {@link #restoreUpdates}). Buffers (BN running
 * statistics) are not averaged. {@link #swap()} exchanges the live values with the averages, for
 * evaluation or saving; calling it again restores them.
 */
public final class Ema implements AutoCloseable {
    public static final float DEFAULT_DECAY = 0.999f;

    private final float decay;
    private final boolean warmup;
    private final Map<String, Parameter> params;
    private final Map<String, Tensor> averages = new LinkedHashMap<>();
    private long updates;

    public Ema(Map<String, Parameter> params) {
        this(params, DEFAULT_DECAY, false);
    }

    public Ema(Map<String, Parameter> params, float decay, boolean warmup) {
        if (!(decay >= 0 && decay <= 1)) {
            throw new IllegalArgumentException("EMA decay " + decay + " must be in [0, 1]");
        }
        this.decay = decay;
        this.warmup = warmup;
        this.params = new LinkedHashMap<>(params);
        params.forEach((name, p) -> averages.put(name, p.value().copyTo(p.value().device())));
    }

    /** The decay the update after n earlier ones uses: decay, or min(decay, (1 + n) / (10 + n)) with warm-up. */
    public static float decayAt(float decay, boolean warmup, long n) {
        return warmup ? Math.min(decay, (float) ((1.0 + n) / (10.0 + n))) : decay;
    }

    public void update() {
        float d = decayAt(decay, warmup, updates);
        params.forEach((name, p) -> p.value().backend().emaUpdate(averages.get(name), p.value(), d));
        updates++;
    }

    /** Updates done so far (n). */
    public long updates() {
        return updates;
    }

    /** Continues the update count from a checkpoint. */
    public void restoreUpdates(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("EMA update count must be >= 0, got " + n);
        }
        updates = n;
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
