package dev.mlp.core.loss;

import dev.mlp.api.Activation;
import dev.mlp.api.Loss;

/**
 * Kullback-Leibler divergence {@code KL(y ‖ a) = Σ_j y_j log(y_j / a_j)} of the network's softmax
 * output {@code a} from a target row {@code y} of probabilities (entries {@code ≥ 0} summing to
 * 1), with {@code 0 · log 0 = 0}. It equals cross-entropy minus the targets' own entropy, so it
 * has the same gradient, and it is 0 exactly when {@code a = y}; use it for soft targets such as
 * label smoothing or distillation.
 *
 * <p>Needs a {@code softmax} output layer. Computed in the stable fused form: the value from the
 * pre-activations as {@code Σ_{j: y_j > 0} y_j (log y_j − z_j + logsumexp(z))}, finite for finite
 * {@code z} even when a probability underflows to 0, and the gradient with respect to the
 * pre-activations as {@code a − y}. That fused delta is exact only when each target row sums to 1,
 * so {@link #delta} checks the rows (within 1e-6); a negative or NaN
 * target is an error everywhere.
 */
public final class KlDivergenceLoss implements Loss {

    /** The shared instance. */
    public static final KlDivergenceLoss INSTANCE = new KlDivergenceLoss();

    private KlDivergenceLoss() {
    }

    @Override
    public String name() {
        return "kl-divergence";
    }

    @Override
    public void checkOutputActivation(Activation output) {
        Targets.requireActivation(name(), "softmax", Activation.Probabilities.PER_ROW, output);
    }

    private double sample(double[] z, double[] y, int o, int cols) {
        double logSum = Targets.logSumExp(z, o, cols);
        double s = 0.0;
        for (int c = 0; c < cols; c++) {
            double t = Targets.nonNegative(name(), y, o + c, cols);
            if (t != 0.0) {
                s += t * (Math.log(t) - z[o + c] + logSum);
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

    /**
     * The fused gradient {@code a − y} with respect to the pre-activations of the softmax.
     *
     * @throws IllegalArgumentException if a target row is not a probability distribution
     */
    @Override
    public void delta(Activation output, double[] z, double[] a, double[] y, double[] delta,
                      int rows, int cols) {
        Targets.probabilityRows(name(), y, rows, cols);
        FusedDelta.outputMinusTarget(a, y, delta, rows, cols);
    }

    /**
     * The gradient with respect to the outputs, {@code −y/a} (0 where {@code y = 0}). Used only
     * when the loss is not fused with its softmax; training always uses {@link #delta}.
     */
    @Override
    public void outputGradient(double[] a, double[] y, double[] gradA, int rows, int cols) {
        for (int i = 0, n = rows * cols; i < n; i++) {
            double t = Targets.nonNegative(name(), y, i, cols);
            gradA[i] = t == 0.0 ? 0.0 : -t / a[i];
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
