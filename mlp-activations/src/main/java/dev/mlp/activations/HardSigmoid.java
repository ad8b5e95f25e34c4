package dev.mlp.activations;

import dev.mlp.api.OutputRange;
import dev.mlp.api.ElementwiseActivation;

/**
 * The hard sigmoid in PyTorch's form ({@code torch.nn.Hardsigmoid}),
 * {@code f(z) = relu6(z + 3) / 6}: {@code 0} for {@code z <= -3}, {@code 1} for {@code z >= 3},
 * {@code z / 6 + 1/2} in between. (Keras's older {@code clip(0.2 z + 0.5, 0, 1)} has slope 0.2
 * and saturates at {@code +-2.5}; it is not what this class computes.)
 *
 * <ul>
 *   <li>Range: {@code [0, 1]}.</li>
 *   <li>Derivative: {@code 1/6} for {@code -3 < z < 3}, {@code 0} outside.</li>
 *   <li>Kinks at {@code z = -3} and {@code z = 3}: the derivative there is {@code 0} (PyTorch's
 *       convention; the one-sided derivative on the flat side, a valid subgradient).</li>
 * </ul>
 *
 * <p>No exponentials: stable for every finite input; {@code NaN} stays {@code NaN}.
 */
public final class HardSigmoid extends ElementwiseActivation {

    /** The registered name. */
    public static final String NAME = "hard-sigmoid";

    /** Creates the activation. Stateless; a shared instance is as good as a new one. */
    public HardSigmoid() {
        super(NAME);
    }

    @Override
    protected double value(double z) {
        return Math.min(Math.max(z + 3.0, 0.0), 6.0) / 6.0;
    }

    @Override
    protected double derivative(double z, double a) {
        return z > -3.0 && z < 3.0 ? 1.0 / 6.0 : 0.0;
    }

    /**
     * @return {@code [0, 1]}
     */
    @Override
    public OutputRange outputRange() {
        return OutputRange.closed(0, 1);
    }
}
