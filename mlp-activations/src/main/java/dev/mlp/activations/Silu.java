package dev.mlp.activations;

import dev.mlp.api.OutputRange;
import dev.mlp.api.ElementwiseActivation;

/**
 * The sigmoid-weighted linear unit, also called swish (Elfwing, Uchibe and Doya, 2018; Ramachandran,
 * Zoph and Le, 2017): {@code f(z) = z sigmoid(z) = z / (1 + e^-z)}.
 *
 * <ul>
 *   <li>Range: {@code [-0.27846, inf)}; the minimum {@code -0.2784645...} is at
 *       {@code z = -1.2784645...}.</li>
 *   <li>Derivative: {@code sigmoid(z) (1 + z sigmoid(-z))}, computed from {@code z} with the
 *       stable {@link Sigmoid#sigmoid(double)}. Smooth, no kinks.</li>
 * </ul>
 *
 * <p>Stable for large {@code |z|}: the sigmoid never overflows, {@code f(-1000) = -0.0},
 * {@code f(1000) = 1000}, and the derivative's {@code z sigmoid(-z)} is {@code 0} rather than
 * {@code inf * 0} for huge positive {@code z}.
 */
public final class Silu extends ElementwiseActivation {

    /** The registered name. */
    public static final String NAME = "silu";

    /** The alias the provider also registers. */
    public static final String ALIAS = "swish";

    /** Creates the activation. Stateless; a shared instance is as good as a new one. */
    public Silu() {
        super(NAME);
    }

    @Override
    protected double value(double z) {
        return z * Sigmoid.sigmoid(z);
    }

    @Override
    protected double derivative(double z, double a) {
        return Sigmoid.sigmoid(z) * (1.0 + z * Sigmoid.sigmoid(-z));
    }

    /**
     * @return from its minimum, about {@code -0.2785}, up
     */
    @Override
    public OutputRange outputRange() {
        return new OutputRange(-0.279, Double.POSITIVE_INFINITY, true, false);
    }
}
