package dev.mlp.optimizers.schedule;

import dev.mlp.api.LearningRateSchedule;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spi.LearningRateScheduleProvider;
import java.util.List;

/**
 * Provides {@link ExponentialSchedule} under the name {@value ExponentialSchedule#NAME}.
 * Parameter: {@code gamma} (real in {@code (0, 1]}, default 0.95). Example spec:
 * {@code exponential(gamma=0.9)}.
 */
public final class ExponentialScheduleProvider implements LearningRateScheduleProvider {

    /** Creates the provider; cheap, no work done. */
    public ExponentialScheduleProvider() {
    }

    @Override
    public String name() {
        return ExponentialSchedule.NAME;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ExponentialSchedule.GAMMA);
    }

    @Override
    public String description() {
        return "multiplies the rate by gamma every epoch";
    }

    @Override
    public LearningRateSchedule create(Parameters parameters) {
        return new ExponentialSchedule(parameters.real(ExponentialSchedule.GAMMA.name()));
    }
}
