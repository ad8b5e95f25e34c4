package dev.mlp.api;

import java.util.Objects;

/**
 * Base class for activations applied to each entry independently. A subclass supplies the value
 * {@link #value(double)} and the derivative {@link #derivative(double, double)}; this class owns
 * the loops over the batch.
 *
 * <pre>{@code
 * public final class Cube extends ElementwiseActivation {
 *     public Cube() { super("cube"); }
 *     protected double value(double z) { return z * z * z; }
 *     protected double derivative(double z, double a) { return 3 * z * z; }
 * }
 * }</pre>
 *
 * @see ElementwiseOptimizerState the counterpart for optimizers
 */
public abstract class ElementwiseActivation implements Activation {

    private final String name;

    /**
     * @param name the registered name of the activation
     */
    protected ElementwiseActivation(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    @Override
    public final String name() {
        return name;
    }

    /**
     * The function at one point.
     *
     * @param z the pre-activation
     * @return {@code f(z)}
     */
    protected abstract double value(double z);

    /**
     * The derivative at one point. Both the input and the output are given so that functions
     * whose derivative is cheapest from the output (sigmoid: {@code a(1-a)}) can use it.
     *
     * @param z the pre-activation
     * @param a {@code f(z)} as computed by {@link #value(double)}
     * @return {@code f'(z)}
     */
    protected abstract double derivative(double z, double a);

    @Override
    public void forward(double[] z, double[] a, int rows, int cols) {
        int n = rows * cols;
        for (int i = 0; i < n; i++) {
            a[i] = value(z[i]);
        }
    }

    @Override
    public void backward(double[] z, double[] a, double[] gradA, double[] gradZ, int rows, int cols) {
        int n = rows * cols;
        for (int i = 0; i < n; i++) {
            gradZ[i] = gradA[i] * derivative(z[i], a[i]);
        }
    }

    /**
     * Convenience for tests and plots: the function at one point.
     *
     * @param z the pre-activation
     * @return {@code f(z)}
     */
    public final double apply(double z) {
        return value(z);
    }

    /**
     * Convenience for tests and plots: the derivative at one point.
     *
     * @param z the pre-activation
     * @return {@code f'(z)}
     */
    public final double slope(double z) {
        return derivative(z, value(z));
    }

    @Override
    public String toString() {
        return name;
    }
}
