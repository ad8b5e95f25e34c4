package dev.mlp.optimizers.schedule;

import dev.mlp.api.LearningRateSchedule;
import dev.mlp.api.ScaledScheduleState;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spi.DeclaredProvider;
import dev.mlp.api.spi.LearningRateScheduleProvider;
import java.util.List;

/**
 * The optimizer's configured learning rate throughout the run: {@code rate = base} (times the
 * product of any {@link LearningRateSchedule.State#scale(double) scale} factors). Saved state:
 * the scale factor.
 */
public record ConstantSchedule() implements LearningRateSchedule {

    /** The registered name. */
    public static final String NAME = "constant";

    /** The parameters in the order of the canonical spec, as the provider declares them. */
    public static final List<ParameterSpec> PARAMETERS = List.of();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public State start(Run run) {
        return new ScaledScheduleState(NAME, run) {
            @Override
            protected double unscaled(int epoch, long step) {
                return run.baseRate();
            }
        };
    }

    /**
     * @return the canonical spec, {@code constant}
     */
    @Override
    public String toString() {
        return NAME;
    }

    /**
     * Provides {@link ConstantSchedule} under the name {@value ConstantSchedule#NAME}, with the
     * parameters declared there. Example spec: {@code constant}.
     */
    public static final class Provider extends DeclaredProvider<LearningRateSchedule>
            implements LearningRateScheduleProvider {

        /** Creates the provider; cheap, no work done. */
        public Provider() {
            super(ConstantSchedule.NAME, "the configured learning rate throughout",
                    ConstantSchedule.PARAMETERS,
                    p -> new ConstantSchedule());
        }
    }
}
