package dev.mlp.core.loss;

import dev.mlp.api.Loss;

/**
 * Squared error with a configurable factor: per sample {@code c · Σ_j (a_j − y_j)²}, gradient
 * {@code 2c · (a_j − y_j)}.
 *
 * <ul>
 *   <li>{@code squared-error}: {@code c = 1}, the quadratic cost {@code Σ(a−y)²} of seed 000;</li>
 *   <li>{@code half-squared-error}: {@code c = 1/2}, {@code ½Σ(a−y)²} of seeds 001 and 002,
 *       whose gradient is simply {@code a − y};</li>
 *   <li>{@code mse}: {@code c = 1/outputs}, the mean over the outputs.</li>
 * </ul>
 *
 * <p>Any output activation; the delta is {@code dL/dA} back-propagated through it.
 */
public final class SquaredErrorLoss implements Loss {

    private final String name;
    private final boolean meanOverOutputs;
    private final double factor;

    private SquaredErrorLoss(String name, double factor, boolean meanOverOutputs) {
        this.name = name;
        this.factor = factor;
        this.meanOverOutputs = meanOverOutputs;
    }

    /** The quadratic cost {@code Σ(a−y)²}. */
    public static final SquaredErrorLoss SQUARED = new SquaredErrorLoss("squared-error", 1.0, false);
    /** Half the quadratic cost, {@code ½Σ(a−y)²}. */
    public static final SquaredErrorLoss HALF = new SquaredErrorLoss("half-squared-error", 0.5, false);
    /** The mean over outputs, {@code (1/n)Σ(a−y)²}. */
    public static final SquaredErrorLoss MEAN = new SquaredErrorLoss("mse", 1.0, true);

    @Override
    public String name() {
        return name;
    }

    private double factor(int cols) {
        return meanOverOutputs ? factor / cols : factor;
    }

    private static double sumOfSquares(double[] a, double[] y, int offset, int cols) {
        double s = 0.0;
        for (int i = offset, end = offset + cols; i < end; i++) {
            double d = a[i] - y[i];
            s += d * d;
        }
        return s;
    }

    @Override
    public double value(double[] z, double[] a, double[] y, int rows, int cols) {
        double f = factor(cols);
        double sum = 0.0;
        for (int r = 0; r < rows; r++) {
            sum += f * sumOfSquares(a, y, r * cols, cols);
        }
        return sum;
    }

    @Override
    public void values(double[] z, double[] a, double[] y, double[] out, int rows, int cols) {
        double f = factor(cols);
        for (int r = 0; r < rows; r++) {
            out[r] = f * sumOfSquares(a, y, r * cols, cols);
        }
    }

    @Override
    public void outputGradient(double[] a, double[] y, double[] gradA, int rows, int cols) {
        double f = 2.0 * factor(cols);
        for (int i = 0, n = rows * cols; i < n; i++) {
            gradA[i] = f * (a[i] - y[i]);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
