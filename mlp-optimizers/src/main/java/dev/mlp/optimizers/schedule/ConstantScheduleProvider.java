package dev.mlp.optimizers.schedule;

import dev.mlp.api.LearningRateSchedule;
import dev.mlp.api.spi.DeclaredProvider;
import dev.mlp.api.spi.LearningRateScheduleProvider;

/**
 * Provides {@link ConstantSchedule} under the name {@value ConstantSchedule#NAME}, with the
 * parameters declared there. Example spec: {@code constant}.
 */
public final class ConstantScheduleProvider extends DeclaredProvider<LearningRateSchedule>
        implements LearningRateScheduleProvider {

    /** Creates the provider; cheap, no work done. */
    public ConstantScheduleProvider() {
        super(ConstantSchedule.NAME, "the configured learning rate throughout",
                ConstantSchedule.PARAMETERS,
                p -> new ConstantSchedule());
    }
}
