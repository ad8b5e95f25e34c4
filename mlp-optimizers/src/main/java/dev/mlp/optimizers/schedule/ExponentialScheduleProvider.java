package dev.mlp.optimizers.schedule;

import dev.mlp.api.LearningRateSchedule;
import dev.mlp.api.spi.DeclaredProvider;
import dev.mlp.api.spi.LearningRateScheduleProvider;

/**
 * Provides {@link ExponentialSchedule} under the name {@value ExponentialSchedule#NAME}, with the
 * parameters declared there. Example spec: {@code exponential(gamma=0.9)}.
 */
public final class ExponentialScheduleProvider extends DeclaredProvider<LearningRateSchedule>
        implements LearningRateScheduleProvider {

    /** Creates the provider; cheap, no work done. */
    public ExponentialScheduleProvider() {
        super(ExponentialSchedule.NAME, "multiplies the rate by gamma every epoch",
                ExponentialSchedule.PARAMETERS,
                p -> new ExponentialSchedule(p.real(ExponentialSchedule.GAMMA.name())));
    }
}
