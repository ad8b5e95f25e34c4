package dev.mlp.optimizers.schedule;

import dev.mlp.api.LearningRateSchedule;
import dev.mlp.api.spec.ParameterSpec;

/**
 * Exponential decay per epoch:
 * <pre>
 * rate(epoch) = base * gamma^(epoch - 1)
 * </pre>
 * so epoch 1 uses {@code base} (PyTorch's {@code ExponentialLR(gamma)}, with epochs counted from
 * 1). Saved state: the scale factor.
 */
public final class ExponentialSchedule implements LearningRateSchedule {

    /** The registered name. */
    public static final String NAME = "exponential";

    /** The factor per epoch: real in {@code (0, 1]}, default 0.95. */
    public static final ParameterSpec GAMMA =
            ParameterSpec.real("gamma", 0.95, "multiplies the rate every epoch").above(0)
                    .atMost(1);

    private final double gamma;

    /**
     * @param gamma the factor per epoch, in {@code (0, 1]}
     * @throws dev.mlp.api.spec.SpecException (an {@link IllegalArgumentException}) if out of
     *         range
     */
    public ExponentialSchedule(double gamma) {
        GAMMA.check(gamma, NAME);
        this.gamma = gamma;
    }

    /**
     * @return the factor per epoch
     */
    public double gamma() {
        return gamma;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public State start(Run run) {
        return new ScaledState(NAME, run) {
            @Override
            double unscaled(int epoch, long step) {
                return run.baseRate() * Math.pow(gamma, epoch - 1);
            }
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExponentialSchedule s && Double.compare(s.gamma, gamma) == 0;
    }

    @Override
    public int hashCode() {
        return NAME.hashCode() * 31 + Double.hashCode(gamma);
    }

    /**
     * @return the canonical spec, for example {@code exponential(gamma=0.95)}
     */
    @Override
    public String toString() {
        return NAME + "(gamma=" + ParameterSpec.format(gamma) + ")";
    }
}
