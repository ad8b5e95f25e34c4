package dev.mlp.onnx.stage;

import dev.mlp.onnx.graph.GraphBuilder;
import dev.mlp.onnx.graph.Tensor;
import java.util.List;
import java.util.Map;

/**
 * A dense layer's pre-activations {@code Z = A·W + b}: {@code Gemm} with the bias, or
 * {@code MatMul} for a layer without one. The weights are row-major {@code inputs x neurons},
 * as the network keeps them.
 */
public final class DenseStage implements ExportStage {

    private final int layer;
    private final int inputs;
    private final int neurons;
    private final double[] weights;
    private final double[] biases;

    /**
     * @param layer the 1-based layer number
     * @param inputs the layer's input count
     * @param neurons the layer's neuron count
     * @param weights row-major {@code inputs x neurons} weights
     * @param biases one bias per neuron, or {@code null} for a layer without bias
     */
    public DenseStage(int layer, int inputs, int neurons, double[] weights, double[] biases) {
        if (weights.length != inputs * neurons) {
            throw new IllegalArgumentException("layer " + layer + " needs " + inputs + "x"
                    + neurons + " weights, found " + weights.length);
        }
        if (biases != null && biases.length != neurons) {
            throw new IllegalArgumentException("layer " + layer + " needs " + neurons
                    + " biases, found " + biases.length);
        }
        this.layer = layer;
        this.inputs = inputs;
        this.neurons = neurons;
        this.weights = weights.clone();
        this.biases = biases == null ? null : biases.clone();
    }

    @Override
    public String name() {
        return "layer" + layer;
    }

    @Override
    public Tensor apply(GraphBuilder g, Tensor input) {
        if (input.columns() != inputs) {
            throw new IllegalArgumentException("layer " + layer + " takes " + inputs
                    + " inputs, but the stage before it gives " + input.columns());
        }
        String w = g.constant("weights", weights, inputs, neurons);
        String z;
        if (biases == null) {
            z = g.node("MatMul", input.name(), w);
        } else {
            String b = g.constant("biases", biases, neurons);
            z = g.node("Gemm", List.of(input.name(), w, b), Map.of());
        }
        return new Tensor(z, neurons);
    }
}
