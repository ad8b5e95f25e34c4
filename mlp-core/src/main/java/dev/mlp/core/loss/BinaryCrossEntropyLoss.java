package dev.mlp.core.loss;

import dev.mlp.api.Activation;
import dev.mlp.api.Loss;

/**
 * Binary cross-entropy {@code −Σ_j [y_j log a_j + (1 − y_j) log(1 − a_j)]} after a sigmoid output
 * layer, each output an independent probability and each target in {@code [0, 1]}.
 *
 * <p>Fused and stable: the value from the pre-activations as
 * {@code Σ_j [max(z,0) − z·y + log(1 + e^{−|z|})]}, the gradient with respect to the
 * pre-activations as {@code a − y}.
 */
public final class BinaryCrossEntropyLoss implements Loss {

    /** The shared instance. */
    public static final BinaryCrossEntropyLoss INSTANCE = new BinaryCrossEntropyLoss();

    private BinaryCrossEntropyLoss() {
    }

    @Override
    public String name() {
        return "binary-cross-entropy";
    }

    @Override
    public void checkOutputActivation(Activation output) {
        Targets.requireActivation(name(), "sigmoid", Activation.Probabilities.PER_OUTPUT, output);
    }

    private static double sample(double[] z, double[] y, int o, int cols) {
        double s = 0.0;
        for (int i = o, end = o + cols; i < end; i++) {
            double v = z[i];
            s += Math.max(v, 0.0) - v * y[i] + Math.log1p(Math.exp(-Math.abs(v)));
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
     * The gradient with respect to the outputs, {@code (a − y) / (a(1 − a))}. Used only when the
     * loss is not fused with its sigmoid; training always uses {@link #delta}.
     */
    @Override
    public void outputGradient(double[] a, double[] y, double[] gradA, int rows, int cols) {
        for (int i = 0, n = rows * cols; i < n; i++) {
            gradA[i] = (a[i] - y[i]) / (a[i] * (1.0 - a[i]));
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
