package dev.mlp.core.loss;

import dev.mlp.api.Loss;

/**
 * A loss whose per-sample value is the sum (or the mean) over the outputs of one term
 * {@code ℓ(a_j, y_j)}. Subclasses give the term and its derivative with respect to {@code a};
 * this class owns the loops, so {@link #value} is exactly the sum of {@link #values} in row order.
 */
abstract class ElementwiseLoss implements Loss {

    private final String name;
    private final boolean meanOverOutputs;

    /**
     * @param name the registered name
     * @param meanOverOutputs whether the per-sample loss is the mean over the outputs instead of
     *                        the sum
     */
    ElementwiseLoss(String name, boolean meanOverOutputs) {
        this.name = name;
        this.meanOverOutputs = meanOverOutputs;
    }

    @Override
    public final String name() {
        return name;
    }

    /**
     * The target at {@code y[i]} as the term sees it; overridden to validate or map targets.
     *
     * @param y the targets
     * @param i the index into {@code y}
     * @param cols the number of outputs, for error messages
     * @return the target
     */
    double target(double[] y, int i, int cols) {
        return y[i];
    }

    /**
     * @param a one output
     * @param t its target, as returned by {@link #target}
     * @return the term {@code ℓ(a, t)}
     */
    abstract double term(double a, double t);

    /**
     * @param a one output
     * @param t its target, as returned by {@link #target}
     * @return {@code dℓ/da}
     */
    abstract double derivative(double a, double t);

    private double sample(double[] a, double[] y, int o, int cols) {
        double s = 0.0;
        for (int i = o, end = o + cols; i < end; i++) {
            s += term(a[i], target(y, i, cols));
        }
        return meanOverOutputs ? s / cols : s;
    }

    @Override
    public final double value(double[] z, double[] a, double[] y, int rows, int cols) {
        double sum = 0.0;
        for (int r = 0; r < rows; r++) {
            sum += sample(a, y, r * cols, cols);
        }
        return sum;
    }

    @Override
    public final void values(double[] z, double[] a, double[] y, double[] out, int rows,
                             int cols) {
        for (int r = 0; r < rows; r++) {
            out[r] = sample(a, y, r * cols, cols);
        }
    }

    @Override
    public final void outputGradient(double[] a, double[] y, double[] gradA, int rows, int cols) {
        for (int i = 0, n = rows * cols; i < n; i++) {
            double g = derivative(a[i], target(y, i, cols));
            gradA[i] = meanOverOutputs ? g / cols : g;
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
