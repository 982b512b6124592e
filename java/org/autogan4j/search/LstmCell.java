package org.autogan4j.search;

import java.util.List;

/**
 * PyTorch's nn.LSTMCell in plain double arrays: gates = weight_ih x + bias_ih + weight_hh h +
 * bias_hh, split in PyTorch's order (i, f, g, o); c' = sigmoid(f) c + sigmoid(i) tanh(g),
 * h' = sigmoid(o) tanh(c'). forward keeps what backward needs in a {@link Step}; backward
 * accumulates the four parameter gradients and returns the input and state gradients.
 */
final class LstmCell {
    /** What one forward step saw and made: x (input), h/c (state in), i f g o (activated gates), c/h out. */
    record Step(double[] x, double[] hIn, double[] cIn, double[] i, double[] f, double[] g, double[] o,
            double[] cOut, double[] tanhCOut, double[] hOut) {
    }

    /** Gradients of one backward step with respect to the input and the incoming state. */
    record StepGrad(double[] dx, double[] dh, double[] dc) {
    }

    final int inputSize;
    final int hidden;
    /** (4*hidden, inputSize). */
    final ParamArray weightIh;
    /** (4*hidden, hidden). */
    final ParamArray weightHh;
    /** (4*hidden). */
    final ParamArray biasIh;
    /** (4*hidden). */
    final ParamArray biasHh;

    /** PyTorch's default init: every weight and bias U(-1/sqrt(hidden), 1/sqrt(hidden)). */
    LstmCell(int inputSize, int hidden, CounterRng rng) {
        this.inputSize = inputSize;
        this.hidden = hidden;
        weightIh = new ParamArray("lstm.weight_ih", 4 * hidden, inputSize);
        weightHh = new ParamArray("lstm.weight_hh", 4 * hidden, hidden);
        biasIh = new ParamArray("lstm.bias_ih", 4 * hidden);
        biasHh = new ParamArray("lstm.bias_hh", 4 * hidden);
        double bound = 1.0 / Math.sqrt(hidden);
        for (ParamArray p : parameters()) {
            double[] v = p.value();
            for (int k = 0; k < v.length; k++) {
                v[k] = rng.uniform(-bound, bound);
            }
        }
    }

    List<ParamArray> parameters() {
        return List.of(weightIh, weightHh, biasIh, biasHh);
    }

    /** x (inputSize), h (hidden), c (hidden) -> the step with h' and c' (hidden). */
    Step forward(double[] x, double[] h, double[] c) {
        int n = hidden;
        double[] wIh = weightIh.value();
        double[] wHh = weightHh.value();
        double[] gates = new double[4 * n];
        for (int r = 0; r < 4 * n; r++) {
            double s = biasIh.value()[r] + biasHh.value()[r];
            int rowIh = r * inputSize;
            for (int k = 0; k < inputSize; k++) {
                s += wIh[rowIh + k] * x[k];
            }
            int rowHh = r * n;
            for (int k = 0; k < n; k++) {
                s += wHh[rowHh + k] * h[k];
            }
            gates[r] = s;
        }
        double[] i = new double[n];
        double[] f = new double[n];
        double[] g = new double[n];
        double[] o = new double[n];
        double[] cOut = new double[n];
        double[] tanhC = new double[n];
        double[] hOut = new double[n];
        for (int u = 0; u < n; u++) {
            i[u] = sigmoid(gates[u]);
            f[u] = sigmoid(gates[n + u]);
            g[u] = Math.tanh(gates[2 * n + u]);
            o[u] = sigmoid(gates[3 * n + u]);
            cOut[u] = f[u] * c[u] + i[u] * g[u];
            tanhC[u] = Math.tanh(cOut[u]);
            hOut[u] = o[u] * tanhC[u];
        }
        return new Step(x, h, c, i, f, g, o, cOut, tanhC, hOut);
    }

    /** dh, dc (hidden: gradients reaching h' and c') -> dx (inputSize), dh, dc of the incoming state. */
    StepGrad backward(Step s, double[] dhOut, double[] dcOut) {
        int n = hidden;
        double[] dGates = new double[4 * n];
        double[] dcIn = new double[n];
        for (int u = 0; u < n; u++) {
            double dc = dcOut[u] + dhOut[u] * s.o()[u] * (1 - s.tanhCOut()[u] * s.tanhCOut()[u]);
            double dO = dhOut[u] * s.tanhCOut()[u];
            dGates[u] = dc * s.g()[u] * s.i()[u] * (1 - s.i()[u]);
            dGates[n + u] = dc * s.cIn()[u] * s.f()[u] * (1 - s.f()[u]);
            dGates[2 * n + u] = dc * s.i()[u] * (1 - s.g()[u] * s.g()[u]);
            dGates[3 * n + u] = dO * s.o()[u] * (1 - s.o()[u]);
            dcIn[u] = dc * s.f()[u];
        }
        double[] wIh = weightIh.value();
        double[] wHh = weightHh.value();
        double[] gIh = weightIh.grad();
        double[] gHh = weightHh.grad();
        double[] dx = new double[inputSize];
        double[] dhIn = new double[n];
        for (int r = 0; r < 4 * n; r++) {
            double d = dGates[r];
            biasIh.grad()[r] += d;
            biasHh.grad()[r] += d;
            int rowIh = r * inputSize;
            for (int k = 0; k < inputSize; k++) {
                gIh[rowIh + k] += d * s.x()[k];
                dx[k] += wIh[rowIh + k] * d;
            }
            int rowHh = r * n;
            for (int k = 0; k < n; k++) {
                gHh[rowHh + k] += d * s.hIn()[k];
                dhIn[k] += wHh[rowHh + k] * d;
            }
        }
        return new StepGrad(dx, dhIn, dcIn);
    }

    private static double sigmoid(double z) {
        return 1.0 / (1.0 + Math.exp(-z));
    }
}
