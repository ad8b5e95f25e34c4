package dev.mlp.optimizers.schedule;

import dev.mlp.api.LearningRateSchedule;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spi.LearningRateScheduleProvider;

/**
 * Provides {@link ConstantSchedule} under the name {@value ConstantSchedule#NAME}; it takes no
 * parameters. Example spec: {@code constant}.
 */
public final class ConstantScheduleProvider implements LearningRateScheduleProvider {

    /** Creates the provider; cheap, no work done. */
    public ConstantScheduleProvider() {
    }

    @Override
    public String name() {
        return ConstantSchedule.NAME;
    }

    @Override
    public String description() {
        return "the configured learning rate throughout";
    }

    @Override
    public LearningRateSchedule create(Parameters parameters) {
        return new ConstantSchedule();
    }
}
