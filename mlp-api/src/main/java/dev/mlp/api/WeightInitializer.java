package dev.mlp.api;

import java.util.random.RandomGenerator;

/**
 * Sets the initial weights and biases of one dense layer.
 *
 * <p>Called once per layer, in layer order, before training starts. All randomness must come from
 * the generator handed in, so that a run is reproducible bit for bit from its seed.
 */
public interface WeightInitializer {

    /**
     * The stable lowercase name this initializer is registered under, for example
     * {@code "xavier"}.
     *
     * @return the name, never blank
     */
    String name();

    /**
     * Fills one layer's parameters.
     *
     * @param layer the 1-based layer index
     * @param fanIn the number of inputs of the layer
     * @param fanOut the number of neurons of the layer
     * @param weights receives the {@code fanIn x fanOut} row-major weight matrix
     * @param biases receives the {@code fanOut} biases, or {@code null} if the layer has no bias
     * @param random the run's generator for initialization
     */
    void initialize(int layer, int fanIn, int fanOut, double[] weights, double[] biases,
                    RandomGenerator random);
}
