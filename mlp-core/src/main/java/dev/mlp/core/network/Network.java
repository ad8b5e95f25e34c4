package dev.mlp.core.network;

import dev.mlp.api.Activation;
import dev.mlp.api.NetworkView;
import dev.mlp.api.ParameterLayout;
import dev.mlp.api.WeightInitializer;
import dev.mlp.core.kernel.Matrices;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A dense feed-forward network: {@code L} layers, layer {@code l} computing
 * {@code Z_l = A_{l-1}·W_l + b_l} and {@code A_l = f_l(Z_l)} for a whole batch at once, with
 * {@code A_0} the input batch.
 *
 * <p>Weights of layer {@code l} are one row-major {@code inputs x neurons} array: entry
 * {@code (i, j)} connects input {@code i} to neuron {@code j}. A layer may have no bias. The
 * network owns its parameters; {@link #parameters()} exposes the arrays for optimizers in the
 * order of {@link #layout()}. A network with blocks other than dense layers (normalization,
 * residual connections) is a {@code dev.mlp.core.layer.LayeredNetwork}, which extends this
 * class; plain dense networks never leave the passes of this package.
 */
public class Network implements NetworkView {

    final int[] sizes;
    final Activation[] activations;
    final double[][] weights;
    final double[][] biases;
    final double[] dropout;
    /** The largest {@code inputs x neurons} of any layer: picks plain loops for small passes. */
    final long largestLayer;
    private final boolean anyDropout;
    private final Propagation propagation;

    /**
     * Creates a network with all parameters zero.
     *
     * @param inputs number of input features, at least 1
     * @param layers the layers, in order, at least one
     */
    public Network(int inputs, List<LayerSpec> layers) {
        Objects.requireNonNull(layers, "layers");
        if (inputs < 1) {
            throw new IllegalArgumentException("a network needs at least 1 input, found " + inputs);
        }
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least 1 layer, found none");
        }
        int n = layers.size();
        sizes = new int[n + 1];
        activations = new Activation[n];
        weights = new double[n][];
        biases = new double[n][];
        dropout = new double[n];
        sizes[0] = inputs;
        for (int l = 0; l < n; l++) {
            LayerSpec spec = layers.get(l);
            if (l == n - 1 && spec.dropout() > 0) {
                throw new IllegalArgumentException("dropout applies to hidden layers' outputs; "
                        + "layer " + n + " is the output layer, found dropout rate "
                        + spec.dropout());
            }
            dropout[l] = spec.dropout();
            sizes[l + 1] = spec.neurons();
            activations[l] = spec.activation();
            weights[l] = new double[Math.multiplyExact(sizes[l], sizes[l + 1])];
            biases[l] = spec.bias() ? new double[sizes[l + 1]] : null;
        }
        largestLayer = ParameterBlocks.multiplyAdds(sizes, true);
        anyDropout = Arrays.stream(dropout).anyMatch(p -> p > 0);
        propagation = new Propagation(this);
    }

    /**
     * One dense layer's shape.
     *
     * @param neurons number of neurons, at least 1
     * @param activation the activation applied to the layer's pre-activations
     * @param bias whether the layer has a bias vector
     * @param dropout the probability, in {@code [0, 1)}, that a training forward pass
     *                ({@link #forward(Workspace, double[], int, RandomGenerator)}) zeroes each of
     *                this layer's outputs; the outputs kept are scaled by {@code 1/(1-p)}
     *                (inverted dropout), so inference needs no change. Only hidden layers may
     *                have a rate above 0.
     */
    public record LayerSpec(int neurons, Activation activation, boolean bias, double dropout) {
        /** Validates the layer. */
        public LayerSpec {
            Objects.requireNonNull(activation, "activation");
            if (neurons < 1) {
                throw new IllegalArgumentException("a layer needs at least 1 neuron, found "
                        + neurons);
            }
            if (!(dropout >= 0 && dropout < 1)) {
                throw new IllegalArgumentException("dropout rate must be in [0, 1), found "
                        + dropout);
            }
        }

        /**
         * A layer without dropout.
         *
         * @param neurons number of neurons, at least 1
         * @param activation the activation applied to the layer's pre-activations
         * @param bias whether the layer has a bias vector
         */
        public LayerSpec(int neurons, Activation activation, boolean bias) {
            this(neurons, activation, bias, 0.0);
        }
    }

    /**
     * Sets every layer's parameters with the given initializer, layer by layer.
     *
     * @param initializer the initializer
     * @param random the generator to draw from
     */
    public void initialize(WeightInitializer initializer, RandomGenerator random) {
        for (int l = 0; l < layerCount(); l++) {
            initializer.initialize(l + 1, sizes[l], sizes[l + 1], weights[l], biases[l], random);
        }
    }

    @Override
    public int layerCount() {
        return activations.length;
    }

    @Override
    public int inputSize() {
        return sizes[0];
    }

    @Override
    public int outputSize() {
        return sizes[sizes.length - 1];
    }

    @Override
    public int layerInputs(int layer) {
        return sizes[index(layer)];
    }

    @Override
    public int layerOutputs(int layer) {
        return sizes[index(layer) + 1];
    }

    @Override
    public boolean hasBias(int layer) {
        return biases[index(layer)] != null;
    }

    /** Returns the dropout rate of a 1-based {@code layer}, 0 for none. */
    public double dropout(int layer) {
        return dropout[index(layer)];
    }

    /** @return whether training passes draw random numbers (a dropout rate above 0) */
    public boolean hasDropout() {
        return anyDropout;
    }

    /** Returns the activation of a 1-based {@code layer}. */
    public Activation activation(int layer) {
        return activations[index(layer)];
    }

    @Override
    public double weight(int layer, int from, int to) {
        int l = index(layer);
        Objects.checkIndex(from, sizes[l]);
        Objects.checkIndex(to, sizes[l + 1]);
        return weights[l][from * sizes[l + 1] + to];
    }

    @Override
    public double bias(int layer, int neuron) {
        int l = index(layer);
        Objects.checkIndex(neuron, sizes[l + 1]);
        return biases[l] == null ? 0.0 : biases[l][neuron];
    }

    /**
     * @param layer 1-based layer index
     * @return a copy of the layer's row-major {@code inputs x neurons} weights
     */
    public double[] weights(int layer) {
        return weights[index(layer)].clone();
    }

    /**
     * @param layer 1-based layer index
     * @return a copy of the layer's biases, or {@code null} if it has none
     */
    public double[] biases(int layer) {
        double[] b = biases[index(layer)];
        return b == null ? null : b.clone();
    }

    /**
     * Replaces one layer's weights.
     *
     * @param layer 1-based layer index
     * @param values row-major {@code inputs x neurons} weights
     */
    public void setWeights(int layer, double[] values) {
        int l = index(layer);
        ParameterBlocks.replace(weights[l], values, "layer " + layer + " weights", sizes[l]
                + "x" + sizes[l + 1] + " = ");
    }

    /**
     * Replaces one layer's biases.
     *
     * @param layer 1-based layer index
     * @param values one bias per neuron
     */
    public void setBiases(int layer, double[] values) {
        int l = index(layer);
        if (biases[l] == null) {
            throw new IllegalArgumentException("layer " + layer + " has no bias");
        }
        ParameterBlocks.replace(biases[l], values, "layer " + layer + " biases", "");
    }

    /**
     * Buffers a network with other blocks than dense layers keeps in each workspace.
     *
     * @param capacity the workspace's largest batch
     * @return the buffers, or {@code null} for a plain dense network
     */
    public Workspace.Extension newExtension(int capacity) {
        return null;
    }

    /** @return the multiply-adds of one sample's forward pass, {@code Σ_l inputs_l x neurons_l} */
    public long multiplyAddsPerSample() {
        return ParameterBlocks.multiplyAdds(sizes, false);
    }

    /**
     * Whether a forward or backward pass of {@code rows} rows runs as plain fused loops rather
     * than through the matrix backend: true for small networks and batches, where call
     * overhead, not arithmetic, is the cost. The plain loops sum every product's terms in
     * index order, whatever the backend (in {@code float} under {@code float32}, see
     * {@link Workspace#float32()}).
     *
     * @param rows number of samples in the batch, at least 0
     * @return whether {@code rows} times the largest layer's {@code inputs x neurons} is below
     *         {@link Matrices#PLAIN_LOOP_WORK}
     */
    public boolean runsPlainLoops(int rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be >= 0, found " + rows);
        }
        return Matrices.runsPlainLoops(rows * largestLayer);
    }

    /** @return the layer sizes, inputs first: {@code [inputs, n_1, ..., n_L]} */
    public int[] sizes() {
        return sizes.clone();
    }

    /** @return the parameter blocks in optimizer order */
    public ParameterLayout layout() {
        return ParameterBlocks.layout(weights, biases);
    }

    /**
     * The live parameter arrays in the order of {@link #layout()}. Writing into them changes the
     * network; this is how optimizers update it.
     *
     * @return the arrays (not copies)
     */
    public double[][] parameters() {
        return ParameterBlocks.arrays(weights, biases);
    }

    /** @return a deep copy of this network (same activations, copied parameters) */
    public Network copy() {
        List<LayerSpec> specs = new ArrayList<>();
        for (int l = 0; l < layerCount(); l++) {
            specs.add(new LayerSpec(sizes[l + 1], activations[l], biases[l] != null,
                    dropout[l]));
        }
        Network n = new Network(sizes[0], specs);
        for (int l = 0; l < layerCount(); l++) {
            n.setWeights(l + 1, weights[l]);
            if (biases[l] != null) {
                n.setBiases(l + 1, biases[l]);
            }
        }
        return n;
    }

    /**
     * Runs a batch forward, leaving every layer's {@code Z} and {@code A} in the workspace. This
     * is the inference pass: dropout, if any layer has it, is not applied.
     *
     * @param ws a workspace made for this network with room for {@code rows} rows
     * @param input {@code rows x inputs} row-major inputs
     * @param rows number of samples
     * @return the output activations (the workspace's array for the last layer)
     */
    public double[] forward(Workspace ws, double[] input, int rows) {
        return propagation.forward(ws, input, rows, null);
    }

    /**
     * {@link #forward(Workspace, double[], int)} of one sample read in place: row {@code row} of
     * the row-major {@code data} (a data set's storage), the same bits as a copy of the row.
     *
     * @param ws a workspace made for this network
     * @param data row-major inputs, {@code inputs} values per row
     * @param row the sample's row
     * @return the output activations (the workspace's array for the last layer)
     */
    public double[] forwardSample(Workspace ws, double[] data, int row) {
        return propagation.forwardSample(ws, data, row);
    }

    /**
     * {@link #backward(Workspace, double[], int)} after {@link #forwardSample} of the same row.
     *
     * @param ws the workspace of the forward pass
     * @param data the same data as the forward pass
     * @param row the same row
     * @return whether every gradient is finite (found while they are written)
     */
    public boolean backwardSample(Workspace ws, double[] data, int row) {
        return propagation.backwardSample(ws, data, row);
    }

    /**
     * Runs a batch forward for training: like {@link #forward(Workspace, double[], int)}, and
     * in addition each hidden layer with a dropout rate {@code p > 0} draws a mask from
     * {@code dropout} (one {@code nextDouble()} per output, row by row, layer by layer; an output
     * is dropped when the draw is below {@code p}), and the next layer sees
     * {@code A ⊙ mask} with kept entries scaled by {@code 1/(1-p)}. The masks stay in the
     * workspace ({@link Workspace#mask(int)}) and {@link #backward} applies them. The same
     * generator state gives the same masks.
     *
     * @param ws a workspace made for this network with room for {@code rows} rows
     * @param input {@code rows x inputs} row-major inputs
     * @param rows number of samples
     * @param dropout the generator the masks are drawn from
     * @return the output activations (the workspace's array for the last layer)
     */
    public double[] forward(Workspace ws, double[] input, int rows, RandomGenerator dropout) {
        Objects.requireNonNull(dropout, "dropout generator");
        return propagation.forward(ws, input, rows, dropout);
    }

    /**
     * Back-propagates from the output layer's {@code dL/dZ} to every parameter's gradient of the
     * batch's mean loss. Must follow a forward pass on the same workspace and input; after a
     * training forward pass with dropout it back-propagates through the same masks.
     *
     * <p>On entry {@code ws.delta(L)} holds the per-sample {@code dL/dZ} of the output layer; on
     * return {@code ws.gradients()} holds the gradients, averaged over the {@code rows} samples,
     * in the order of {@link #layout()} (all zero for an empty batch).
     *
     * @param ws the workspace of the forward pass
     * @param input the same input as the forward pass
     * @param rows number of samples
     */
    public void backward(Workspace ws, double[] input, int rows) {
        backward(ws, input, rows, rows == 0 ? 0.0 : 1.0 / rows);
    }

    /**
     * Like {@link #backward(Workspace, double[], int)}, but leaves the gradients of
     * {@code scale} times the batch's <em>summed</em> loss: with {@code scale = 1/rows} this is
     * the mean. A batch split into parts whose gradients are added afterwards passes
     * {@code 1/(rows of the whole batch)} to each part.
     *
     * @param ws the workspace of the forward pass
     * @param input the same input as the forward pass
     * @param rows number of samples
     * @param scale the factor applied to every gradient
     */
    public void backward(Workspace ws, double[] input, int rows, double scale) {
        propagation.backward(ws, input, rows, scale);
    }

    @Override
    public double[] predict(double[] input) {
        return propagation.predict(input);
    }

    /**
     * Runs many samples forward.
     *
     * @param inputs {@code rows x inputs} row-major inputs
     * @param rows number of samples
     * @return a new {@code rows x outputs} array
     */
    public double[] predict(double[] inputs, int rows) {
        return propagation.predict(inputs, rows);
    }

    /**
     * Finds the first parameter that is NaN or infinite.
     *
     * @return a description such as {@code "layer 2 weight (0, 1) = NaN"}, or {@code null} if
     *         all parameters are finite
     */
    public String firstNonFinite() {
        return ParameterBlocks.firstNonFinite(sizes, weights, biases);
    }

    private int index(int layer) {
        if (layer < 1 || layer > layerCount()) {
            throw new IndexOutOfBoundsException("layer must be in [1, " + layerCount()
                    + "], found " + layer);
        }
        return layer - 1;
    }

    @Override
    public String toString() {
        return ParameterBlocks.describe(sizes, activations, biases, dropout);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Network n) || !Arrays.equals(sizes, n.sizes)
                || !Arrays.equals(dropout, n.dropout)) {
            return false;
        }
        for (int l = 0; l < layerCount(); l++) {
            if (!activations[l].name().equals(n.activations[l].name())
                    || !Arrays.equals(weights[l], n.weights[l])
                    || !Arrays.equals(biases[l], n.biases[l])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sizes) * 31 + Arrays.deepHashCode(weights);
    }
}
