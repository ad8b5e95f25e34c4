package dev.mlp.api;

/**
 * A read-only look at a network's current parameters, handed to {@link TrainingListener}s.
 *
 * <p>Layers are numbered from 1 (the first layer with weights) to {@link #layerCount()} (the
 * output layer). Weight {@code (i, j)} of layer {@code l} connects input {@code i} of the layer
 * (neuron {@code i} of layer {@code l-1}, or input feature {@code i}) to neuron {@code j} of layer
 * {@code l}, as in {@code Z = A·W + b}; indices are 0-based.
 */
public interface NetworkView {

    /**
     * @return the number of dense layers (hidden layers plus the output layer)
     */
    int layerCount();

    /**
     * @return the number of input features
     */
    int inputSize();

    /**
     * @return the number of outputs
     */
    int outputSize();

    /**
     * @param layer 1-based layer index
     * @return the number of inputs of the layer
     */
    int layerInputs(int layer);

    /**
     * @param layer 1-based layer index
     * @return the number of neurons of the layer
     */
    int layerOutputs(int layer);

    /**
     * @param layer 1-based layer index
     * @return whether the layer has a bias vector
     */
    boolean hasBias(int layer);

    /**
     * @param layer 1-based layer index
     * @param from 0-based input index
     * @param to 0-based neuron index
     * @return the weight
     */
    double weight(int layer, int from, int to);

    /**
     * @param layer 1-based layer index
     * @param neuron 0-based neuron index
     * @return the bias, or 0 if the layer has none
     */
    double bias(int layer, int neuron);

    /**
     * Runs one sample through the network as it is now, in the network's own units (after any
     * input scaling, before any inverse target scaling).
     *
     * @param input the {@link #inputSize()} input values
     * @return a new array with the {@link #outputSize()} outputs
     */
    double[] predict(double[] input);
}
