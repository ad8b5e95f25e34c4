package dev.mlp.optimizers.schedule;

import dev.mlp.api.LearningRateSchedule;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spi.LearningRateScheduleProvider;
import java.util.List;

/**
 * Provides {@link StepSchedule} under the name {@value StepSchedule#NAME}. Parameters:
 * {@code every} (integer {@code >= 1}, default 10) and {@code factor} (real in {@code (0, 1]},
 * default 0.5). Example spec: {@code step(every=30, factor=0.1)}.
 */
public final class StepScheduleProvider implements LearningRateScheduleProvider {

    /** Creates the provider; cheap, no work done. */
    public StepScheduleProvider() {
    }

    @Override
    public String name() {
        return StepSchedule.NAME;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(StepSchedule.EVERY, StepSchedule.FACTOR);
    }

    @Override
    public String description() {
        return "multiplies the rate by factor every few epochs";
    }

    @Override
    public LearningRateSchedule create(Parameters parameters) {
        return new StepSchedule(parameters.integer(StepSchedule.EVERY.name()),
                parameters.real(StepSchedule.FACTOR.name()));
    }
}
