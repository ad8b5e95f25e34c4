package dev.mlp.optimizers.schedule;

import dev.mlp.api.LearningRateSchedule;
import dev.mlp.api.ScaledScheduleState;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spi.DeclaredProvider;
import dev.mlp.api.spi.LearningRateScheduleProvider;
import java.util.List;

/**
 * Exponential decay per epoch:
 * <pre>
 * rate(epoch) = base * gamma^(epoch - 1)
 * </pre>
 * so epoch 1 uses {@code base} (PyTorch's {@code ExponentialLR(gamma)}, with epochs counted from
 * 1). Saved state: the scale factor.
 */
public record ExponentialSchedule(double gamma) implements LearningRateSchedule {

    /** The registered name. */
    public static final String NAME = "exponential";

    /** The factor per epoch: real in {@code (0, 1]}, default 0.95. */
    public static final ParameterSpec GAMMA =
            ParameterSpec.real("gamma", 0.95, "multiplies the rate every epoch").above(0)
                    .atMost(1);

    /** The parameters in the order of the canonical spec, as the provider declares them. */
    public static final List<ParameterSpec> PARAMETERS = List.of(GAMMA);

    /**
     * @param gamma the factor per epoch, in {@code (0, 1]}
     * @throws dev.mlp.api.spec.SpecException (an {@link IllegalArgumentException}) if out of
     *         range
     */
    public ExponentialSchedule {
        GAMMA.check(gamma, NAME);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public State start(Run run) {
        return new ScaledScheduleState(NAME, run) {
            @Override
            protected double unscaled(int epoch, long step) {
                return run.baseRate() * Math.pow(gamma, epoch - 1);
            }
        };
    }

    /**
     * @return the canonical spec, for example {@code exponential(gamma=0.95)}
     */
    @Override
    public String toString() {
        return NAME + "(gamma=" + ParameterSpec.format(gamma) + ")";
    }

    /**
     * Provides {@link ExponentialSchedule} under the name {@value ExponentialSchedule#NAME}, with the
     * parameters declared there. Example spec: {@code exponential(gamma=0.9)}.
     */
    public static final class Provider extends DeclaredProvider<LearningRateSchedule>
            implements LearningRateScheduleProvider {

        /** Creates the provider; cheap, no work done. */
        public Provider() {
            super(ExponentialSchedule.NAME, "multiplies the rate by gamma every epoch",
                    ExponentialSchedule.PARAMETERS,
                    p -> new ExponentialSchedule(p.real(ExponentialSchedule.GAMMA.name())));
        }
    }
}
