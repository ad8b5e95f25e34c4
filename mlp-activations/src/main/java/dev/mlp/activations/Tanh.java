package dev.mlp.activations;

import dev.mlp.api.OutputRange;
import dev.mlp.api.ElementwiseActivation;

/**
 * The hyperbolic tangent: {@code f(z) = tanh z = (e^z - e^-z) / (e^z + e^-z)}, evaluated with
 * {@link Math#tanh(double)} (finite for every input).
 *
 * <ul>
 *   <li>Range: {@code (-1, 1)} mathematically, {@code [-1, 1]} in {@code double} arithmetic
 *       (exactly {@code +-1} for {@code |z|} above about 19).</li>
 *   <li>Derivative: {@code f'(z) = 1 - tanh^2 z = 1 - a^2}, from the cached activation; smooth,
 *       no kinks.</li>
 * </ul>
 */
public final class Tanh extends ElementwiseActivation {

    /** The registered name. */
    public static final String NAME = "tanh";

    /** Creates the activation. Stateless; a shared instance is as good as a new one. */
    public Tanh() {
        super(NAME);
    }

    @Override
    protected double value(double z) {
        return Math.tanh(z);
    }

    @Override
    protected double derivative(double z, double a) {
        return 1.0 - a * a;
    }

    // The loops below repeat ElementwiseActivation's with the function written out: the base
    // class's loops call value()/derivative() through one shared call site, which the JIT cannot
    // inline once several activations are in use; here every call is bound to this class. The
    // per-value expressions are the same, so are the results.

    @Override
    public void forward(double[] z, double[] a, int rows, int cols) {
        int n = rows * cols;
        for (int i = 0; i < n; i++) {
            a[i] = Math.tanh(z[i]);
        }
    }

    @Override
    public void backward(double[] z, double[] a, double[] gradA, double[] gradZ, int rows,
                         int cols) {
        int n = rows * cols;
        for (int i = 0; i < n; i++) {
            gradZ[i] = gradA[i] * (1.0 - a[i] * a[i]);
        }
    }

    /**
     * @return {@code (-1, 1)}
     */
    @Override
    public OutputRange outputRange() {
        return OutputRange.open(-1, 1);
    }
}
