package dev.mlp.activations;

import dev.mlp.api.OutputRange;
import dev.mlp.api.ElementwiseActivation;

/**
 * The rectified linear unit capped at 6 (Krizhevsky, 2010; MobileNet): {@code f(z) =
 * min(max(0, z), 6)}.
 *
 * <ul>
 *   <li>Range: {@code [0, 6]}.</li>
 *   <li>Derivative: {@code 1} for {@code 0 < z < 6}, {@code 0} outside.</li>
 *   <li>Kinks at {@code z = 0} and {@code z = 6}: the derivative is {@code 0} at both (at 0 the
 *       same convention as {@link Relu}; at 6 PyTorch's), a valid subgradient.</li>
 * </ul>
 *
 * <p>No exponentials: stable for every finite input; {@code NaN} stays {@code NaN}.
 */
public final class Relu6 extends ElementwiseActivation {

    /** The registered name. */
    public static final String NAME = "relu6";

    /** Creates the activation. Stateless; a shared instance is as good as a new one. */
    public Relu6() {
        super(NAME);
    }

    @Override
    protected double value(double z) {
        return Math.min(Math.max(0.0, z), 6.0);
    }

    @Override
    protected double derivative(double z, double a) {
        return z > 0.0 && z < 6.0 ? 1.0 : 0.0;
    }

    /**
     * @return {@code [0, 6]}
     */
    @Override
    public OutputRange outputRange() {
        return OutputRange.closed(0, 6);
    }
}
