package org.autogan4j.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.autogan4j.tensor.Backend;
import org.autogan4j.tensor.Device;
import org.autogan4j.tensor.Tensor;

/**
 * The base of every network piece: named parameters, buffers and child modules (names follow the
 * original code's state_dict, e.g. "cell1.pre_conv1.conv.weight"), train/eval mode, and scratch
 * tensors: the activations and gradients a module keeps between forward and backward. Scratch is
 * reused while its shape stays the same and reallocated (the old one freed) when it changes, so a
 * training loop holds a fixed amount of native memory. Everything is freed by {@link #close()}.
 * Outputs a module returns are its own scratch: valid until its next forward or backward.
 */
public abstract class Module implements AutoCloseable {
    protected final Device device;
    protected final Backend backend;
    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private final Map<String, Tensor> buffers = new LinkedHashMap<>();
    private final Map<String, Module> children = new LinkedHashMap<>();
    private final Map<String, Tensor> scratch = new HashMap<>();
    private final List<AutoCloseable> owned = new ArrayList<>();
    private boolean training = true;

    protected Module(Device device) {
        this.device = device;
        this.backend = device.backend();
    }

    public Device device() {
        return device;
    }

    /** A new zero parameter called name. */
    protected Parameter addParameter(String name, int... dims) {
        Parameter p = new Parameter(name, device, dims);
        parameters.put(name, p);
        owned.add(p);
        return p;
    }

    /** Lists a parameter another object owns under name here (a wrapped layer's bias). */
    protected void listParameter(String name, Parameter p) {
        parameters.put(name, p);
    }

    /** A new zero buffer (state saved with the module but not trained, e.g. running_mean). */
    protected Tensor addBuffer(String name, int... dims) {
        Tensor t = Tensor.zeros(device, dims);
        buffers.put(name, t);
        owned.add(t);
        return t;
    }

    /** Registers child under name (dots allowed: "skip_in_ops.0") and returns it. */
    protected <M extends Module> M addChild(String name, M child) {
        if (children.containsKey(name)) {
            throw new IllegalStateException(getClass().getSimpleName() + " already has a child " + name);
        }
        children.put(name, child);
        return child;
    }

    /** Closes o with this module without listing it (a layer wrapped by another). */
    protected void own(AutoCloseable o) {
        owned.add(o);
    }

    /** The scratch tensor key with exactly these dims: reused when they match, else reallocated. */
    protected Tensor scratch(String key, int... dims) {
        Tensor t = scratch.get(key);
        if (t != null && Arrays.equals(t.shape().dims(), dims)) {
            return t;
        }
        if (t != null) {
            t.close();
        }
        t = Tensor.empty(device, dims);
        scratch.put(key, t);
        return t;
    }

    /** Sets train (true) or eval (false) mode here and in every child. */
    public void train(boolean on) {
        training = on;
        for (Module child : children.values()) {
            child.train(on);
        }
        onModeChange(on);
    }

    /** Hook for modules that own unlisted layers. */
    protected void onModeChange(boolean on) {
    }

    public boolean isTraining() {
        return training;
    }

    /** Every parameter of this module and its children, by full dotted name, in definition order. */
    public Map<String, Parameter> namedParameters() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        collect("", out, new LinkedHashMap<>());
        return out;
    }

    /** Every buffer of this module and its children, by full dotted name. */
    public Map<String, Tensor> namedBuffers() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        collect("", new LinkedHashMap<>(), out);
        return out;
    }

    /** The checkpoint view: every parameter's value and every buffer, by the original's state_dict names. */
    public Map<String, Tensor> stateDict() {
        Map<String, Parameter> params = new LinkedHashMap<>();
        Map<String, Tensor> out = new LinkedHashMap<>();
        collect("", params, out);
        Map<String, Tensor> state = new LinkedHashMap<>();
        params.forEach((name, p) -> state.put(name, p.value()));
        state.putAll(out);
        return state;
    }

    private void collect(String prefix, Map<String, Parameter> params, Map<String, Tensor> bufs) {
        parameters.forEach((name, p) -> params.put(prefix + name, p));
        buffers.forEach((name, b) -> bufs.put(prefix + name, b));
        children.forEach((name, child) -> child.collect(prefix + name + ".", params, bufs));
    }

    /** This module and all its descendants, parents first. */
    public List<Module> modules() {
        List<Module> out = new ArrayList<>();
        out.add(this);
        for (Module child : children.values()) {
            out.addAll(child.modules());
        }
        return out;
    }

    /** The total number of parameter elements. */
    public long parameterCount() {
        return namedParameters().values().stream().mapToLong(p -> p.shape().numel()).sum();
    }

    public void zeroGrad() {
        namedParameters().values().forEach(Parameter::zeroGrad);
    }

    /** Turns parameter-gradient computation on or off for every parameter here (inputs' still flow). */
    public void setRequiresGrad(boolean on) {
        namedParameters().values().forEach(p -> p.setRequiresGrad(on));
    }

    @Override
    public void close() {
        for (Module child : children.values()) {
            child.close();
        }
        for (Tensor t : scratch.values()) {
            t.close();
        }
        scratch.clear();
        for (AutoCloseable o : owned) {
            try {
                o.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing " + getClass().getSimpleName() + " failed", e);
            }
        }
        owned.clear();
    }
}
