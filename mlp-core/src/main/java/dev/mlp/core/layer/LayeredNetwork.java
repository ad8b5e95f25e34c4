package dev.mlp.core.layer;

import dev.mlp.api.Layer;
import dev.mlp.api.ParameterLayout;
import dev.mlp.api.WeightInitializer;
import dev.mlp.core.network.Network;
import dev.mlp.core.network.Workspace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A network with blocks other than dense layers: layer plugins (normalization, dropout) and
 * residual connections between its dense layers, made by {@link NetworkAssembly} from a
 * {@link NetworkSpec}. Its dense layers are those of {@link Network}, numbered 1 to
 * {@link #layerCount()} in the order they appear in the spec (those inside residual blocks
 * included), so their weights are read and written as a dense network's; the last one is the
 * output layer. The layer plugins' parameters come after the dense layers' in
 * {@link #layout()}, as blocks of kind {@link ParameterLayout.Kind#LAYER}; their inference
 * state (running statistics) is {@link #layerState(int)}.
 *
 * <p>Every training pass runs in the layers' training mode (batch statistics, dropout masks):
 * {@link #hasDropout()} is true, so the trainer passes a generator to every training batch.
 * Passes without a generator are inference passes.
 */
public final class LayeredNetwork extends Network {

    private final Step[] steps;
    private final Layer[] layers;
    private final String[] layerSpecs;
    private final int[] layerWidths;
    private final double[][][] parameters;
    private final double[][] state;
    private final double[][] denseWeights;
    private final double[][] denseBiases;
    private final String spec;
    private final LayerPasses passes;

    LayeredNetwork(int inputs, List<LayerSpec> dense, List<Step> steps, List<Layer> layers,
                   List<String> layerSpecs, List<Integer> widths, String spec) {
        super(inputs, dense);
        this.steps = steps.toArray(new Step[0]);
        this.layers = layers.toArray(new Layer[0]);
        this.layerSpecs = layerSpecs.toArray(new String[0]);
        this.layerWidths = widths.stream().mapToInt(Integer::intValue).toArray();
        this.spec = Objects.requireNonNull(spec, "spec");
        int n = this.layers.length;
        parameters = new double[n][][];
        state = new double[n][];
        for (int k = 0; k < n; k++) {
            int w = layerWidths[k];
            int[] sizes = this.layers[k].parameterSizes(w);
            parameters[k] = new double[sizes.length][];
            for (int b = 0; b < sizes.length; b++) {
                parameters[k][b] = new double[sizes[b]];
            }
            this.layers[k].initialize(parameters[k], w);
            state[k] = new double[this.layers[k].stateSize(w)];
            this.layers[k].initializeState(state[k], w);
        }
        denseWeights = new double[layerCount()][];
        denseBiases = new double[layerCount()][];
        double[][] arrays = super.parameters();
        ParameterLayout layout = super.layout();
        for (int b = 0; b < layout.size(); b++) {
            ParameterLayout.Block block = layout.block(b);
            if (block.kind() == ParameterLayout.Kind.WEIGHTS) {
                denseWeights[block.layer() - 1] = arrays[b];
            } else {
                denseBiases[block.layer() - 1] = arrays[b];
            }
        }
        passes = new LayerPasses(this);
    }

    /** @return the network spec in canonical form, every plugin with all its parameters */
    public String spec() {
        return spec;
    }

    /** @return the number of layer plugins (normalizations, dropouts) */
    public int layerPluginCount() {
        return layers.length;
    }

    /**
     * @param k 0-based layer plugin index, in spec order
     * @return the layer
     */
    public Layer layer(int k) {
        return layers[k];
    }

    /**
     * @param k 0-based layer plugin index
     * @return its canonical spec
     */
    public String layerSpec(int k) {
        return layerSpecs[k];
    }

    /**
     * @param k 0-based layer plugin index
     * @return the width of its input and output
     */
    public int layerWidth(int k) {
        return layerWidths[k];
    }

    /**
     * @param k 0-based layer plugin index
     * @return its live parameter blocks
     */
    public double[][] layerParameters(int k) {
        return parameters[k];
    }

    /**
     * @param k 0-based layer plugin index
     * @return its live inference state (running statistics), possibly empty
     */
    public double[] layerState(int k) {
        return state[k];
    }

    Step[] steps() {
        return steps;
    }

    double[] denseWeights(int l) {
        return denseWeights[l];
    }

    double[] denseBiases(int l) {
        return denseBiases[l];
    }

    @Override
    public Workspace.Extension newExtension(int capacity) {
        return new LayerBuffers(this, capacity);
    }

    @Override
    public void initialize(WeightInitializer initializer, RandomGenerator random) {
        super.initialize(initializer, random);
        for (int k = 0; k < layers.length; k++) {
            layers[k].initialize(parameters[k], layerWidths[k]);
            layers[k].initializeState(state[k], layerWidths[k]);
        }
    }

    @Override
    public boolean hasDropout() {
        return true;
    }

    @Override
    public ParameterLayout layout() {
        List<ParameterLayout.Block> blocks = new ArrayList<>(super.layout().blocks());
        for (int k = 0; k < layers.length; k++) {
            for (double[] p : parameters[k]) {
                blocks.add(new ParameterLayout.Block(k + 1, ParameterLayout.Kind.LAYER,
                        p.length));
            }
        }
        return new ParameterLayout(blocks);
    }

    @Override
    public double[][] parameters() {
        List<double[]> all = new ArrayList<>(Arrays.asList(super.parameters()));
        for (double[][] p : parameters) {
            all.addAll(Arrays.asList(p));
        }
        return all.toArray(new double[0][]);
    }

    @Override
    public double[] forward(Workspace ws, double[] input, int rows) {
        return passes.forward(ws, input, rows, null, false);
    }

    @Override
    public double[] forward(Workspace ws, double[] input, int rows, RandomGenerator dropout) {
        Objects.requireNonNull(dropout, "dropout generator");
        return passes.forward(ws, input, rows, dropout, true);
    }

    @Override
    public void backward(Workspace ws, double[] input, int rows, double scale) {
        passes.backward(ws, input, rows, scale);
    }

    @Override
    public double[] forwardSample(Workspace ws, double[] data, int row) {
        int in = inputSize();
        if (row < 0 || (long) (row + 1) * in > data.length) {
            throw new IllegalArgumentException("row " + row + " is not a row of " + in
                    + " inputs in " + data.length + " values");
        }
        return forward(ws, Arrays.copyOfRange(data, row * in, (row + 1) * in), 1);
    }

    @Override
    public boolean backwardSample(Workspace ws, double[] data, int row) {
        int in = inputSize();
        double[] x = Arrays.copyOfRange(data, row * in, (row + 1) * in);
        backward(ws, x, 1, 1.0);
        for (double[] g : ws.gradients()) {
            for (double v : g) {
                if (!Double.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public double[] predict(double[] input) {
        if (input.length != inputSize()) {
            throw new IllegalArgumentException("input must have " + inputSize()
                    + " values, found " + input.length);
        }
        return forward(new Workspace(this, 1, 1), input, 1).clone();
    }

    @Override
    public double[] predict(double[] inputs, int rows) {
        int in = inputSize();
        int out = outputSize();
        if (inputs.length < rows * in) {
            throw new IllegalArgumentException("inputs must hold " + rows + "x" + in
                    + " values, found " + inputs.length);
        }
        int chunk = Math.max(1, Math.min(rows, 1024));
        Workspace ws = new Workspace(this, chunk, 1);
        double[] result = new double[rows * out];
        double[] part = new double[chunk * in];
        for (int from = 0; from < rows; from += chunk) {
            int n = Math.min(chunk, rows - from);
            System.arraycopy(inputs, from * in, part, 0, n * in);
            System.arraycopy(forward(ws, part, n), 0, result, from * out, n * out);
        }
        return result;
    }

    @Override
    public String firstNonFinite() {
        String dense = super.firstNonFinite();
        if (dense != null) {
            return dense;
        }
        for (int k = 0; k < layers.length; k++) {
            for (int b = 0; b < parameters[k].length; b++) {
                double[] p = parameters[k][b];
                for (int i = 0; i < p.length; i++) {
                    if (!Double.isFinite(p[i])) {
                        return layerSpecs[k] + " (layer " + (k + 1) + " of the non-dense layers)"
                                + " parameter block " + (b + 1) + " [" + i + "] = " + p[i];
                    }
                }
            }
        }
        return null;
    }

    @Override
    public LayeredNetwork copy() {
        LayeredNetwork n = new LayeredNetwork(inputSize(), denseSpecs(), List.of(steps),
                List.of(layers), List.of(layerSpecs),
                Arrays.stream(layerWidths).boxed().toList(), spec);
        for (int l = 1; l <= layerCount(); l++) {
            n.setWeights(l, denseWeights[l - 1]);
            if (denseBiases[l - 1] != null) {
                n.setBiases(l, denseBiases[l - 1]);
            }
        }
        for (int k = 0; k < layers.length; k++) {
            for (int b = 0; b < parameters[k].length; b++) {
                System.arraycopy(parameters[k][b], 0, n.parameters[k][b], 0,
                        parameters[k][b].length);
            }
            System.arraycopy(state[k], 0, n.state[k], 0, state[k].length);
        }
        return n;
    }

    List<LayerSpec> denseSpecs() {
        List<LayerSpec> out = new ArrayList<>();
        for (int l = 1; l <= layerCount(); l++) {
            out.add(new LayerSpec(layerOutputs(l), activation(l), hasBias(l)));
        }
        return out;
    }

    @Override
    public String toString() {
        return "Network[" + inputSize() + " -> " + spec + "]";
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof LayeredNetwork n) || !super.equals(o) || !spec.equals(n.spec)) {
            return false;
        }
        for (int k = 0; k < layers.length; k++) {
            if (!Arrays.deepEquals(parameters[k], n.parameters[k])
                    || !Arrays.equals(state[k], n.state[k])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return super.hashCode() * 31 + spec.hashCode();
    }
}
