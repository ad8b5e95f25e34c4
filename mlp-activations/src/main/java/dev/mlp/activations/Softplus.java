package dev.mlp.activations;

import dev.mlp.api.OutputRange;
import dev.mlp.api.ElementwiseActivation;

/**
 * The softplus function, a smooth approximation of {@link Relu}: {@code f(z) = ln(1 + e^z)}.
 *
 * <ul>
 *   <li>Range: {@code (0, inf)} mathematically; {@code [0, inf)} in {@code double} arithmetic
 *       ({@code f(z) = 0} below about {@code -745}).</li>
 *   <li>Derivative: {@code f'(z) = 1 / (1 + e^-z)}, the {@link Sigmoid#sigmoid(double) sigmoid}
 *       of {@code z}, computed from {@code z} (accurate to full relative precision); smooth, no
 *       kinks.</li>
 * </ul>
 *
 * <p>Evaluated stably as {@code max(z, 0) + log1p(e^-|z|)}: the exponential never overflows, and
 * {@code f(z) = z} to full precision for large {@code z}, {@code f(z) = e^z} for very negative
 * {@code z}.
 */
public final class Softplus extends ElementwiseActivation {

    /** The registered name. */
    public static final String NAME = "softplus";

    /** Creates the activation. Stateless; a shared instance is as good as a new one. */
    public Softplus() {
        super(NAME);
    }

    @Override
    protected double value(double z) {
        return Math.max(z, 0.0) + Math.log1p(Math.exp(-Math.abs(z)));
    }

    @Override
    protected double derivative(double z, double a) {
        return Sigmoid.sigmoid(z);
    }

    /**
     * @return {@code (0, +∞)}
     */
    @Override
    public OutputRange outputRange() {
        return OutputRange.open(0, Double.POSITIVE_INFINITY);
    }
}
