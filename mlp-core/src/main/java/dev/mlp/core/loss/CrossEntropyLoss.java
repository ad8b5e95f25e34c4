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
 * dividing by {@code a}. The fused gradient assumes each target row sums to 1.
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
        Targets.requireActivation(name(), "softmax", Activation.Probabilities.PER_ROW, output);
    }

    /** {@code −Σ_j y_j (z_j − logsumexp(z))} of the row at {@code o}; terms with {@code y = 0} skipped. */
    private static double sample(double[] z, double[] y, int o, int cols) {
        double logSum = Targets.logSumExp(z, o, cols);
        double s = 0.0;
        for (int c = 0; c < cols; c++) {
            double t = y[o + c];
            if (t != 0.0) {
                s -= t * (z[o + c] - logSum);
            }
        }
        return s;
    }

    @Override
    public double value(double[] z, double[] a, double[] y, int rows, int cols) {
        double sum = 0.0;
        for (int r = 0; r < rows; r++) {
            sum += sample(z, y, r * cols, cols);
        }
        return sum;
    }

    @Override
    public void values(double[] z, double[] a, double[] y, double[] out, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            out[r] = sample(z, y, r * cols, cols);
        }
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
