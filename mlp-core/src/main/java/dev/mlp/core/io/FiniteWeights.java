package dev.mlp.core.io;

import java.util.List;

/**
 * Refuses a model whose weights or biases are not all finite: such a model predicts NaN for
 * every row, so loading it is an error that names the first bad number.
 */
final class FiniteWeights {

    private FiniteWeights() {
    }

    /**
     * @param layers the model's layers, first hidden layer first
     * @throws IllegalArgumentException naming the layer and the weight or bias that is NaN or
     *         infinite
     */
    static void require(List<ModelInfo.Layer> layers) {
        for (int l = 0; l < layers.size(); l++) {
            ModelInfo.Layer layer = layers.get(l);
            double[] w = layer.weights();
            for (int i = 0; i < w.length; i++) {
                if (!Double.isFinite(w[i])) {
                    throw refused(l, "weight from input " + (i / layer.neurons() + 1)
                            + " to neuron " + (i % layer.neurons() + 1) + " (index " + i + ")",
                            w[i]);
                }
            }
            double[] b = layer.biases();
            for (int i = 0; b != null && i < b.length; i++) {
                if (!Double.isFinite(b[i])) {
                    throw refused(l, "bias of neuron " + (i + 1), b[i]);
                }
            }
        }
    }

    private static IllegalArgumentException refused(int layer, String what, double value) {
        return new IllegalArgumentException("the model's layer " + (layer + 1) + " " + what
                + " is " + value + "; a model with weights that are not finite predicts NaN, so "
                + "it is not loaded (retrain it, or save it from a run that did not diverge)");
    }
}
