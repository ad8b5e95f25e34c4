package dev.mlp.activations;

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
}
