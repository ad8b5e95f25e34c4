package dev.mlp.core.loss;

import dev.mlp.api.Activation;
import dev.mlp.api.Loss;

/**
 * Categorical cross-entropy {@code −Σ_j y_j log a_j} after a softmax output layer, targets one
 * row of class probabilities (usually one-hot) per sample.
 *
 * <p>Computed in the stable fused form: the value from the pre-activations as
 * {@code −Σ_j y_j (z_j − logsumexp(z))}, so a probability that underflows to 0 never gives an
 * infinite loss, and the gradient with respect to the pre-activations as {@code a − y}, never
 * dividing by {@code a}.
 */
public final class CrossEntropyLoss implements Loss {

    /** The shared instance. */
    public static final CrossEntropyLoss INSTANCE = new CrossEntropyLoss();

    private CrossEntropyLoss() {
    }

    @Override
    public String name() {
        return "cross-entropy";
    }

    @Override
    public void checkOutputActivation(Activation output) {
        if (!"softmax".equals(output.name())) {
            throw new IllegalArgumentException("loss 'cross-entropy' needs a 'softmax' output "
                    + "layer, found '" + output.name() + "'");
        }
    }

    @Override
    public double value(double[] z, double[] a, double[] y, int rows, int cols) {
        double sum = 0.0;
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < cols; c++) {
                max = Math.max(max, z[o + c]);
            }
            double s = 0.0;
            for (int c = 0; c < cols; c++) {
                s += Math.exp(z[o + c] - max);
            }
            double logSum = max + Math.log(s);
            for (int c = 0; c < cols; c++) {
                double t = y[o + c];
                if (t != 0.0) {
                    sum -= t * (z[o + c] - logSum);
                }
            }
        }
        return sum;
    }

    @Override
    public void delta(Activation output, double[] z, double[] a, double[] y, double[] delta,
                      int rows, int cols) {
        FusedDelta.outputMinusTarget(a, y, delta, rows, cols);
    }

    /**
     * The gradient with respect to the outputs, {@code −y/a}. Used only when the loss is not
     * fused with its softmax; training always uses {@link #delta}.
     */
    @Override
    public void outputGradient(double[] a, double[] y, double[] gradA, int rows, int cols) {
        for (int i = 0, n = rows * cols; i < n; i++) {
            gradA[i] = y[i] == 0.0 ? 0.0 : -y[i] / a[i];
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
