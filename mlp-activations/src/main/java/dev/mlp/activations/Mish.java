package dev.mlp.activations;

import dev.mlp.api.OutputRange;
import dev.mlp.api.ElementwiseActivation;

/**
 * Mish (Misra, "Mish: A Self Regularized Non-Monotonic Activation Function", 2019):
 * {@code f(z) = z tanh(softplus(z))}, {@code softplus(z) = ln(1 + e^z)}.
 *
 * <ul>
 *   <li>Range: {@code [-0.30884, inf)}; the minimum {@code -0.3088400...} is at
 *       {@code z = -1.1923641...}.</li>
 *   <li>Derivative: with {@code t = tanh(softplus(z))},
 *       {@code f'(z) = t + z (1 - t^2) sigmoid(z)}. Smooth, no kinks.</li>
 * </ul>
 *
 * <p>The softplus inside is the stable {@code max(z, 0) + log1p(e^-|z|)} of {@link Softplus}:
 * no overflow for large {@code z}, full relative precision for very negative {@code z} (where
 * {@code f(z) ~ z e^z}). For large {@code z}, {@code t = 1} exactly and the second term of the
 * derivative is {@code z * 0 = 0}.
 */
public final class Mish extends ElementwiseActivation {

    /** The registered name. */
    public static final String NAME = "mish";

    /** Creates the activation. Stateless; a shared instance is as good as a new one. */
    public Mish() {
        super(NAME);
    }

    private static double softplus(double z) {
        return Math.max(z, 0.0) + Math.log1p(Math.exp(-Math.abs(z)));
    }

    @Override
    protected double value(double z) {
        return z * Math.tanh(softplus(z));
    }

    @Override
    protected double derivative(double z, double a) {
        double t = Math.tanh(softplus(z));
        double sech2 = 1.0 - t * t;
        return sech2 == 0.0 ? t : t + z * sech2 * Sigmoid.sigmoid(z);
    }

    /**
     * @return from its minimum, about {@code -0.3088}, up
     */
    @Override
    public OutputRange outputRange() {
        return new OutputRange(-0.31, Double.POSITIVE_INFINITY, true, false);
    }
}
