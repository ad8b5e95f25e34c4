package dev.mlp.spark;

import dev.mlp.api.Objective;
import dev.mlp.api.ParameterLayout;
import java.util.function.Function;

/**
 * The training objective of distributed data, for an {@link dev.mlp.api.ObjectiveOptimizer}
 * such as L-BFGS running on the driver: the weighted mean loss over every cached row and its
 * gradient at the parameters it is given. Each evaluation is one distributed job: the trial
 * parameters are sent to the executors, every partition sums the loss and gradient of all its
 * rows, and the partial sums are combined in the fixed order of {@link GradientSum}, so the
 * result depends on the data and its partitioning only, never on the order tasks finish in.
 */
final class SparkObjective implements Objective {

    private final ParameterLayout layout;
    private final Function<double[], GradientSum.Piece> sum;
    private int evaluations;

    /**
     * @param layout the parameter blocks
     * @param sum the sums of loss, gradient and weight over every row at flat parameters
     */
    SparkObjective(ParameterLayout layout, Function<double[], GradientSum.Piece> sum) {
        this.layout = layout;
        this.sum = sum;
    }

    @Override
    public ParameterLayout layout() {
        return layout;
    }

    @Override
    public double evaluate(double[][] parameters, double[][] gradient) {
        int[] sizes = layout.checkArrays("distributed objective", parameters, gradient);
        int count = 0;
        for (int size : sizes) {
            count += size;
        }
        double[] flat = new double[count];
        int at = 0;
        for (int b = 0; b < sizes.length; b++) {
            System.arraycopy(parameters[b], 0, flat, at, sizes[b]);
            at += sizes[b];
        }
        evaluations++;
        GradientSum.Piece total = sum.apply(flat);
        if (total.weight <= 0 || total.gradient == null) {
            throw new IllegalStateException("the training rows have a total weight of "
                    + total.weight + "; the objective needs rows of positive weight");
        }
        double w = total.weight;
        double[] g = total.gradient;
        at = 0;
        for (int b = 0; b < sizes.length; b++) {
            double[] block = gradient[b];
            for (int i = 0; i < sizes[b]; i++) {
                block[i] = g[at++] / w;
            }
        }
        return total.loss / w;
    }

    /** @return how many times the objective was evaluated */
    int evaluations() {
        return evaluations;
    }
}
