package dev.mlp.activations;

import dev.mlp.api.OutputRange;
import dev.mlp.api.ElementwiseActivation;

/**
 * The hard tanh, {@code f(z) = clip(z, -1, 1)}: {@code -1} for {@code z <= -1}, {@code 1} for
 * {@code z >= 1}, {@code z} in between (PyTorch's {@code torch.nn.Hardtanh} with its default
 * bounds).
 *
 * <ul>
 *   <li>Range: {@code [-1, 1]}.</li>
 *   <li>Derivative: {@code 1} for {@code -1 < z < 1}, {@code 0} outside.</li>
 *   <li>Kinks at {@code z = -1} and {@code z = 1}: the derivative there is {@code 0} (PyTorch's
 *       convention; the one-sided derivative on the flat side, a valid subgradient).</li>
 * </ul>
 *
 * <p>No exponentials: stable for every finite input; {@code NaN} stays {@code NaN}.
 */
public final class HardTanh extends ElementwiseActivation {

    /** The registered name. */
    public static final String NAME = "hard-tanh";

    /** Creates the activation. Stateless; a shared instance is as good as a new one. */
    public HardTanh() {
        super(NAME);
    }

    @Override
    protected double value(double z) {
        return Math.min(Math.max(z, -1.0), 1.0);
    }

    @Override
    protected double derivative(double z, double a) {
        return z > -1.0 && z < 1.0 ? 1.0 : 0.0;
    }

    /**
     * @return {@code [-1, 1]}
     */
    @Override
    public OutputRange outputRange() {
        return OutputRange.closed(-1, 1);
    }
}
