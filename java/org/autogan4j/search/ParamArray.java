package org.autogan4j.search;

import java.util.Arrays;

/**
 * One controller parameter as a flat double array with its gradient, under the original's
 * state_dict name (e.g. "lstm.weight_ih", shape (4*hidden, input) row-major). Gradients accumulate
 * (+=) like every parameter gradient in this project; zeroGrad clears them.
 */
public final class ParamArray {
    private final String name;
    private final int[] shape;
    private final double[] value;
    private final double[] grad;

    public ParamArray(String name, int... shape) {
        int size = 1;
        for (int d : shape) {
            size *= d;
        }
        this.name = name;
        this.shape = shape.clone();
        this.value = new double[size];
        this.grad = new double[size];
    }

    public String name() {
        return name;
    }

    public int[] shape() {
        return shape.clone();
    }

    /** The live values (row-major); writes change the parameter. */
    public double[] value() {
        return value;
    }

    /** The live gradient (row-major), same layout as value(). */
    public double[] grad() {
        return grad;
    }

    public int size() {
        return value.length;
    }

    public void zeroGrad() {
        Arrays.fill(grad, 0);
    }
}
