package dev.mlp.activations;

import dev.mlp.api.OutputRange;
import dev.mlp.api.ElementwiseActivation;

/**
 * The scaled exponential linear unit (Klambauer, Unterthiner, Mayr and Hochreiter,
 * "Self-Normalizing Neural Networks", 2017): {@code f(z) = lambda z} for {@code z > 0},
 * {@code f(z) = lambda alpha (e^z - 1)} for {@code z <= 0}, with the paper's constants
 * {@code alpha = 1.6732632423543772848170429916717} and
 * {@code lambda = 1.0507009873554804934193349852946} (here to the nearest {@code double}).
 *
 * <ul>
 *   <li>Range: {@code (-lambda alpha, inf)}, {@code -lambda alpha = -1.7580993408473766}. Because
 *       {@code lambda > 1}, inputs above {@code Double.MAX_VALUE / lambda} overflow to
 *       {@code +inf}, as {@code lambda z} does; nothing gives {@code NaN}.</li>
 *   <li>Derivative: {@code lambda} for {@code z > 0}, {@code lambda alpha e^z} for
 *       {@code z <= 0}.</li>
 *   <li>Kink at {@code z = 0}: the left derivative is used there,
 *       {@code f'(0) = lambda alpha = 1.7580993408473766}, as for {@link LeakyRelu} and
 *       {@link Elu}.</li>
 * </ul>
 */
public final class Selu extends ElementwiseActivation {

    /** The registered name. */
    public static final String NAME = "selu";

    /** The paper's {@code alpha}, 1.6732632423543772848170429916717, to double precision. */
    public static final double ALPHA = 1.6732632423543772848170429916717;

    /** The paper's {@code lambda}, 1.0507009873554804934193349852946, to double precision. */
    public static final double LAMBDA = 1.0507009873554804934193349852946;

    private static final double LAMBDA_ALPHA = LAMBDA * ALPHA;

    /** Creates the activation. Stateless; a shared instance is as good as a new one. */
    public Selu() {
        super(NAME);
    }

    @Override
    protected double value(double z) {
        return z > 0 ? LAMBDA * z : LAMBDA_ALPHA * Math.expm1(z);
    }

    @Override
    protected double derivative(double z, double a) {
        return z > 0 ? LAMBDA : LAMBDA_ALPHA * Math.exp(z);
    }

    /**
     * @return {@code (-λα, +∞)}
     */
    @Override
    public OutputRange outputRange() {
        return OutputRange.open(-LAMBDA_ALPHA, Double.POSITIVE_INFINITY);
    }
}
