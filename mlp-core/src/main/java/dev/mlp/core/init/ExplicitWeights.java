package dev.mlp.core.init;

import dev.mlp.api.WeightInitializer;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Weights and biases given in code for some layers (as in the worked examples of the seeds),
 * and a fallback initializer for the others.
 *
 * <p>Weights are given as {@code w[i][j]}: from input {@code i} to neuron {@code j}. The fallback
 * still runs for every layer first, so the random stream is consumed the same way whether or not
 * a layer is given explicitly.
 */
public final class ExplicitWeights implements WeightInitializer {

    private final WeightInitializer fallback;
    private final Map<Integer, double[][]> weights = new HashMap<>();
    private final Map<Integer, double[]> biases = new HashMap<>();

    /**
     * @param fallback initializer for whatever is not given
     */
    public ExplicitWeights(WeightInitializer fallback) {
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    /**
     * @param layer 1-based layer index
     * @param w {@code inputs x neurons} weights
     * @return this
     */
    public ExplicitWeights weights(int layer, double[][] w) {
        weights.put(layer, deepCopy(w));
        return this;
    }

    /**
     * @param layer 1-based layer index
     * @param b one bias per neuron
     * @return this
     */
    public ExplicitWeights biases(int layer, double[] b) {
        biases.put(layer, b.clone());
        return this;
    }

    @Override
    public String name() {
        return "explicit";
    }

    @Override
    public void initialize(int layer, int fanIn, int fanOut, double[] w, double[] b,
                           RandomGenerator random) {
        fallback.initialize(layer, fanIn, fanOut, w, b, random);
        double[][] given = weights.get(layer);
        if (given != null) {
            if (given.length != fanIn) {
                throw new IllegalArgumentException("layer " + layer + " takes " + fanIn
                        + " inputs, but the given weights have " + given.length + " rows");
            }
            for (int i = 0; i < fanIn; i++) {
                if (given[i].length != fanOut) {
                    throw new IllegalArgumentException("layer " + layer + " has " + fanOut
                            + " neurons, but row " + i + " of the given weights has "
                            + given[i].length + " entries");
                }
                System.arraycopy(given[i], 0, w, i * fanOut, fanOut);
            }
        }
        double[] givenB = biases.get(layer);
        if (givenB != null) {
            if (b == null) {
                throw new IllegalArgumentException("layer " + layer
                        + " has no bias, but biases were given for it");
            }
            if (givenB.length != fanOut) {
                throw new IllegalArgumentException("layer " + layer + " has " + fanOut
                        + " neurons, but " + givenB.length + " biases were given");
            }
            System.arraycopy(givenB, 0, b, 0, fanOut);
        }
    }

    /**
     * Checks that every explicitly given layer exists.
     *
     * @param layerCount the network's number of layers
     */
    public void checkLayers(int layerCount) {
        for (int l : weights.keySet()) {
            if (l < 1 || l > layerCount) {
                throw new IllegalArgumentException("weights given for layer " + l
                        + ", but the network has layers 1.." + layerCount);
            }
        }
        for (int l : biases.keySet()) {
            if (l < 1 || l > layerCount) {
                throw new IllegalArgumentException("biases given for layer " + l
                        + ", but the network has layers 1.." + layerCount);
            }
        }
    }

    private static double[][] deepCopy(double[][] w) {
        double[][] c = new double[w.length][];
        for (int i = 0; i < w.length; i++) {
            c[i] = w[i].clone();
        }
        return c;
    }
}
