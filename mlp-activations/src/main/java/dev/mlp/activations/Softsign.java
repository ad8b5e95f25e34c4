package dev.mlp.activations;

import dev.mlp.api.OutputRange;
import dev.mlp.api.ElementwiseActivation;

/**
 * The softsign function (Bergstra et al., 2009): {@code f(z) = z / (1 + |z|)}.
 *
 * <ul>
 *   <li>Range: {@code (-1, 1)}; in {@code double} arithmetic {@code [-1, 1]}.</li>
 *   <li>Derivative: {@code 1 / (1 + |z|)^2}. Continuous, with {@code f'(0) = 1} from both sides;
 *       only the second derivative jumps at {@code 0}, so there is no kink in {@code f'}.</li>
 * </ul>
 *
 * <p>No exponentials: stable for every finite input ({@code f(Double.MAX_VALUE) = 1}, and the
 * derivative underflows to {@code 0} for {@code |z| > ~1.3e154}).
 */
public final class Softsign extends ElementwiseActivation {

    /** The registered name. */
    public static final String NAME = "softsign";

    /** Creates the activation. Stateless; a shared instance is as good as a new one. */
    public Softsign() {
        super(NAME);
    }

    @Override
    protected double value(double z) {
        return z / (1.0 + Math.abs(z));
    }

    @Override
    protected double derivative(double z, double a) {
        double d = 1.0 + Math.abs(z);
        return 1.0 / d / d;
    }

    /**
     * @return {@code (-1, 1)}
     */
    @Override
    public OutputRange outputRange() {
        return OutputRange.open(-1, 1);
    }
}
