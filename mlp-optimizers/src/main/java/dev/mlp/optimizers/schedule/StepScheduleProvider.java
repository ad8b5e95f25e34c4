package dev.mlp.optimizers.schedule;

import dev.mlp.api.LearningRateSchedule;
import dev.mlp.api.spi.DeclaredProvider;
import dev.mlp.api.spi.LearningRateScheduleProvider;

/**
 * Provides {@link StepSchedule} under the name {@value StepSchedule#NAME}, with the parameters
 * declared there. Example spec: {@code step(every=30, factor=0.1)}.
 */
public final class StepScheduleProvider extends DeclaredProvider<LearningRateSchedule>
        implements LearningRateScheduleProvider {

    /** Creates the provider; cheap, no work done. */
    public StepScheduleProvider() {
        super(StepSchedule.NAME, "multiplies the rate by factor every few epochs",
                StepSchedule.PARAMETERS,
                p -> new StepSchedule(p.integer(StepSchedule.EVERY.name()),
                        p.real(StepSchedule.FACTOR.name())));
    }
}
