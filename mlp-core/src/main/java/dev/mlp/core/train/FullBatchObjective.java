package dev.mlp.core.train;

import dev.mlp.api.GradientTransform;
import dev.mlp.api.Objective;
import dev.mlp.api.ParameterLayout;
import dev.mlp.core.Dataset;
import dev.mlp.core.network.Network;

/**
 * The training objective of a whole data set, for an {@link dev.mlp.api.ObjectiveOptimizer}:
 * the (weighted) mean loss over every row, in the data's own row order, plus the penalties of
 * the gradient transforms, and its gradient. It evaluates through the run's
 * {@link BatchGradient} at the parameters it is given (copied into the network's live arrays
 * unless they are those arrays), so it is deterministic: the same parameters give the same bits.
 */
final class FullBatchObjective implements Objective {

    private final Network network;
    private final double[][] live;
    private final BatchGradient gradient;
    private final Dataset data;
    private final GradientTransform[] transforms;
    private final int[] rows;

    /**
     * @param network the network whose parameters are the objective's
     * @param gradient the run's gradient computation, with a capacity of every row
     * @param data the training data
     * @param transforms the gradient transforms, applied in order
     */
    FullBatchObjective(Network network, BatchGradient gradient, Dataset data,
                       GradientTransform[] transforms) {
        this.network = network;
        this.live = network.parameters();
        this.gradient = gradient;
        this.data = data;
        this.transforms = transforms.clone();
        this.rows = new int[data.rows()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
    }

    @Override
    public ParameterLayout layout() {
        return network.layout();
    }

    @Override
    public double evaluate(double[][] parameters, double[][] out) {
        if (parameters.length != live.length || out.length != live.length) {
            throw new IllegalArgumentException("the objective has " + live.length
                    + " parameter blocks, found " + parameters.length + " parameter and "
                    + out.length + " gradient arrays");
        }
        for (int b = 0; b < live.length; b++) {
            if (parameters[b] != live[b]) {
                System.arraycopy(parameters[b], 0, live[b], 0, live[b].length);
            }
        }
        double sum = gradient.compute(data, rows, 0, rows.length, null);
        double loss = sum / gradient.weightSum();
        double[][] grads = gradient.gradients();
        for (GradientTransform t : transforms) {
            loss += t.apply(network.layout(), live, grads);
        }
        for (int b = 0; b < live.length; b++) {
            if (out[b] != grads[b]) {
                System.arraycopy(grads[b], 0, out[b], 0, live[b].length);
            }
        }
        return loss;
    }
}
