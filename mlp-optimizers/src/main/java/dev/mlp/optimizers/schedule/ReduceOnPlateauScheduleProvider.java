package dev.mlp.optimizers.schedule;

import dev.mlp.api.LearningRateSchedule;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spi.LearningRateScheduleProvider;
import java.util.List;

/**
 * Provides {@link ReduceOnPlateauSchedule} under the name {@value ReduceOnPlateauSchedule#NAME}.
 * Parameters: {@code patience} (integer {@code >= 0}, default 10), {@code factor} (real in
 * {@code (0, 1)}, default 0.1), {@code min-delta} (real {@code >= 0}, default 1e-4),
 * {@code cooldown} (integer {@code >= 0}, default 0) and {@code min-rate} (real {@code >= 0},
 * default 0). Example spec: {@code reduce-on-plateau(patience=5, factor=0.5)}.
 */
public final class ReduceOnPlateauScheduleProvider implements LearningRateScheduleProvider {

    /** Creates the provider; cheap, no work done. */
    public ReduceOnPlateauScheduleProvider() {
    }

    @Override
    public String name() {
        return ReduceOnPlateauSchedule.NAME;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ReduceOnPlateauSchedule.PATIENCE, ReduceOnPlateauSchedule.FACTOR,
                ReduceOnPlateauSchedule.MIN_DELTA, ReduceOnPlateauSchedule.COOLDOWN,
                ReduceOnPlateauSchedule.MIN_RATE);
    }

    @Override
    public String description() {
        return "multiplies the rate by factor when the monitored loss stops improving";
    }

    @Override
    public LearningRateSchedule create(Parameters parameters) {
        return new ReduceOnPlateauSchedule(
                parameters.integer(ReduceOnPlateauSchedule.PATIENCE.name()),
                parameters.real(ReduceOnPlateauSchedule.FACTOR.name()),
                parameters.real(ReduceOnPlateauSchedule.MIN_DELTA.name()),
                parameters.integer(ReduceOnPlateauSchedule.COOLDOWN.name()),
                parameters.real(ReduceOnPlateauSchedule.MIN_RATE.name()));
    }
}
