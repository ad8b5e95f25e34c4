package dev.mlp.activations;

import dev.mlp.api.OutputRange;
import dev.mlp.api.Activation;
import dev.mlp.api.ElementwiseActivation;

/**
 * The logistic sigmoid: {@code f(z) = 1 / (1 + e^-z)}.
 *
 * <ul>
 *   <li>Range: {@code (0, 1)} mathematically; in {@code double} arithmetic {@code [0, 1]}, with
 *       {@code f(z) = 0} exactly below about {@code -745} and {@code f(z) = 1} exactly above
 *       about {@code 37}.</li>
 *   <li>Derivative: {@code f'(z) = f(z) (1 - f(z)) = a (1 - a)}, computed from the cached
 *       activation; smooth, no kinks. Its absolute error is at most about {@code 1e-16}, so for
 *       {@code z > 37} it is exactly {@code 0}.</li>
 * </ul>
 *
 * <p>Evaluated stably: {@code 1 / (1 + e^-z)} for {@code z >= 0} and {@code e^z / (1 + e^z)} for
 * {@code z < 0}, so {@code e^x} is only ever taken of {@code x <= 0}: no overflow, no
 * {@code inf / inf}, and {@code f(-1000) = 0}, {@code f(1000) = 1}.
 */
public final class Sigmoid extends ElementwiseActivation {

    /** The registered name. */
    public static final String NAME = "sigmoid";

    /** Creates the activation. Stateless; a shared instance is as good as a new one. */
    public Sigmoid() {
        super(NAME);
    }

    /**
     * The logistic function at one point, evaluated stably (see the class comment).
     *
     * @param z any value
     * @return {@code 1 / (1 + e^-z)} in {@code [0, 1]}, or {@code NaN} for {@code NaN}
     */
    public static double sigmoid(double z) {
        if (z >= 0) {
            return 1.0 / (1.0 + Math.exp(-z));
        }
        double e = Math.exp(z); // also the NaN path: exp(NaN) = NaN
        return e / (1.0 + e);
    }

    @Override
    protected double value(double z) {
        return sigmoid(z);
    }

    @Override
    protected double derivative(double z, double a) {
        return a * (1.0 - a);
    }

    // The loops below repeat ElementwiseActivation's with the function written out: the base
    // class's loops call value()/derivative() through one shared call site, which the JIT cannot
    // inline once several activations are in use; here every call is bound to this class. The
    // per-value expressions are the same, so are the results.

    @Override
    public void forward(double[] z, double[] a, int rows, int cols) {
        int n = rows * cols;
        for (int i = 0; i < n; i++) {
            a[i] = sigmoid(z[i]);
        }
    }

    @Override
    public void backward(double[] z, double[] a, double[] gradA, double[] gradZ, int rows,
                         int cols) {
        int n = rows * cols;
        for (int i = 0; i < n; i++) {
            gradZ[i] = gradA[i] * (a[i] * (1.0 - a[i]));
        }
    }

    /**
     * @return {@code (0, 1)}
     */
    @Override
    public OutputRange outputRange() {
        return OutputRange.open(0, 1);
    }

    /**
     * @return {@link Activation.Probabilities#PER_OUTPUT}
     */
    @Override
    public Activation.Probabilities probabilities() {
        return Activation.Probabilities.PER_OUTPUT;
    }
}
