package dev.mlp.examples.seed;

import dev.mlp.core.Mlp;
import dev.mlp.core.Model;
import dev.mlp.examples.Trace;

/**
 * Shared set-up of seed 002's first examples: linear neurons without biases, one sample, the half
 * squared error {@code J = ½(y − y*)²} and a fixed learning rate {@code h}. "After N
 * iterations" in the seed is the network after N updates (the reading that matches every printed
 * value).
 */
final class Seed002Linear {

    private Seed002Linear() {
    }

    /**
     * Trains a linear no-bias network on one sample with plain gradient steps.
     *
     * @param x the input
     * @param target the target
     * @param rate the learning rate h
     * @param optimizer "sgd" or "normalized-gradient"
     * @param steps number of updates
     * @param weights per layer, {@code w[i][j]} from neuron i to neuron j
     * @return the trace of outputs and weights after each update
     */
    static Trace train(double[] x, double[] target, double rate, String optimizer, int steps,
                       double[][]... weights) {
        Mlp.Builder b = Mlp.builder().inputs(x.length);
        for (int l = 0; l < weights.length; l++) {
            b.layer(weights[l][0].length, "linear", false).weights(l + 1, weights[l]);
        }
        Trace trace = new Trace(x);
        Model m = b.loss("half-squared-error")
                .optimizer(optimizer + "(lr=" + rate + ")")
                .batch("full-batch")
                .epochs(steps)
                .listener(trace)
                .build();
        m.fit(new double[][] {x}, new double[][] {target});
        return trace;
    }
}
