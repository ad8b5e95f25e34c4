package dev.mlp.optimizers.schedule;

import dev.mlp.api.LearningRateSchedule;
import dev.mlp.api.ScaledScheduleState;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spi.DeclaredProvider;
import dev.mlp.api.spi.LearningRateScheduleProvider;
import java.util.List;

/**
 * Step decay per epoch: the rate is multiplied by {@code factor} every {@code every} epochs,
 * <pre>
 * rate(epoch) = base * factor^floor((epoch - 1) / every)
 * </pre>
 * so epochs {@code 1 .. every} use {@code base}, epochs {@code every + 1 .. 2 every} use
 * {@code base * factor}, and so on (PyTorch's {@code StepLR(step_size=every, gamma=factor)},
 * with epochs counted from 1). Saved state: the scale factor.
 */
public record StepSchedule(int every, double factor) implements LearningRateSchedule {

    /** The registered name. */
    public static final String NAME = "step";

    /** The number of epochs between decays: integer {@code >= 1}, default 10. */
    public static final ParameterSpec EVERY =
            ParameterSpec.integer("every", 10, "epochs between decays").atLeast(1);

    /** The decay factor: real in {@code (0, 1]}, default 0.5. */
    public static final ParameterSpec FACTOR =
            ParameterSpec.real("factor", 0.5, "multiplies the rate every 'every' epochs")
                    .above(0).atMost(1);

    /** The parameters in the order of the canonical spec, as the provider declares them. */
    public static final List<ParameterSpec> PARAMETERS = List.of(EVERY, FACTOR);

    /**
     * @param every the epochs between decays, {@code >= 1}
     * @param factor the decay factor, in {@code (0, 1]}
     * @throws dev.mlp.api.spec.SpecException (an {@link IllegalArgumentException}) if out of
     *         range
     */
    public StepSchedule {
        EVERY.check(every, NAME);
        FACTOR.check(factor, NAME);
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
                return run.baseRate() * Math.pow(factor, (epoch - 1) / every);
            }
        };
    }

    /**
     * @return the canonical spec, for example {@code step(every=10, factor=0.5)}
     */
    @Override
    public String toString() {
        return NAME + "(every=" + every + ", factor=" + ParameterSpec.format(factor) + ")";
    }

    /**
     * Provides {@link StepSchedule} under the name {@value StepSchedule#NAME}, with the parameters
     * declared there. Example spec: {@code step(every=30, factor=0.1)}.
     */
    public static final class Provider extends DeclaredProvider<LearningRateSchedule>
            implements LearningRateScheduleProvider {

        /** Creates the provider; cheap, no work done. */
        public Provider() {
            super(StepSchedule.NAME, "multiplies the rate by factor every few epochs",
                    StepSchedule.PARAMETERS,
                    p -> new StepSchedule(p.integer(StepSchedule.EVERY.name()),
                            p.real(StepSchedule.FACTOR.name())));
        }
    }
}
