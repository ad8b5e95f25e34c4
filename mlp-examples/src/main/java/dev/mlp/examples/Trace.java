package dev.mlp.examples;

import dev.mlp.api.NetworkView;
import dev.mlp.api.TrainingListener;
import java.util.ArrayList;
import java.util.List;

/**
 * A listener that records, after every epoch, the network's output for one input and a copy of
 * chosen weights, so an example can print "the output after N iterations".
 */
public final class Trace implements TrainingListener {

    private final double[] input;
    private final List<double[]> outputs = new ArrayList<>();
    private final List<Double> losses = new ArrayList<>();
    private final List<NetworkSnapshot> snapshots = new ArrayList<>();

    /**
     * A copy of every weight and bias of a network.
     *
     * @param weights per layer, row-major
     * @param biases per layer, or {@code null} entries for layers without bias
     */
    public record NetworkSnapshot(double[][] weights, double[][] biases) {
        /**
         * @param layer 1-based layer
         * @param from input index
         * @param to neuron index
         * @param outputs the layer's neuron count
         * @return the weight
         */
        public double weight(int layer, int from, int to, int outputs) {
            return weights[layer - 1][from * outputs + to];
        }
    }

    /**
     * @param input the input whose output is recorded
     */
    public Trace(double[] input) {
        this.input = input.clone();
    }

    @Override
    public void runStarted(RunStart event) {
        outputs.clear();
        losses.clear();
        snapshots.clear();
        record(event.network());
    }

    @Override
    public void epochFinished(EpochEnd event) {
        losses.add(event.loss());
        record(event.network());
    }

    private void record(NetworkView n) {
        outputs.add(n.predict(input));
        double[][] w = new double[n.layerCount()][];
        double[][] b = new double[n.layerCount()][];
        for (int l = 1; l <= n.layerCount(); l++) {
            int in = n.layerInputs(l);
            int out = n.layerOutputs(l);
            w[l - 1] = new double[in * out];
            for (int i = 0; i < in; i++) {
                for (int j = 0; j < out; j++) {
                    w[l - 1][i * out + j] = n.weight(l, i, j);
                }
            }
            if (n.hasBias(l)) {
                b[l - 1] = new double[out];
                for (int j = 0; j < out; j++) {
                    b[l - 1][j] = n.bias(l, j);
                }
            }
        }
        snapshots.add(new NetworkSnapshot(w, b));
    }

    /**
     * @param epochs number of completed epochs (0 for the initial network)
     * @return the output for the traced input at that point
     */
    public double[] outputAfter(int epochs) {
        return outputs.get(epochs).clone();
    }

    /**
     * @param epochs number of completed epochs (0 for the initial network)
     * @return every parameter at that point
     */
    public NetworkSnapshot after(int epochs) {
        return snapshots.get(epochs);
    }

    /**
     * @param epoch 1-based epoch
     * @return that epoch's mean loss (computed before each of its steps)
     */
    public double lossOf(int epoch) {
        return losses.get(epoch - 1);
    }
}
