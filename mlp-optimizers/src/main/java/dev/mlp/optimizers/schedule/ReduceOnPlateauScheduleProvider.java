package dev.mlp.optimizers.schedule;

import dev.mlp.api.LearningRateSchedule;
import dev.mlp.api.spi.DeclaredProvider;
import dev.mlp.api.spi.LearningRateScheduleProvider;

/**
 * Provides {@link ReduceOnPlateauSchedule} under the name {@value ReduceOnPlateauSchedule#NAME},
 * with the parameters declared there. Example spec: {@code reduce-on-plateau(patience=5,
 * factor=0.5)}.
 */
public final class ReduceOnPlateauScheduleProvider extends DeclaredProvider<LearningRateSchedule>
        implements LearningRateScheduleProvider {

    /** Creates the provider; cheap, no work done. */
    public ReduceOnPlateauScheduleProvider() {
        super(ReduceOnPlateauSchedule.NAME,
                "multiplies the rate by factor when the monitored loss stops improving",
                ReduceOnPlateauSchedule.PARAMETERS,
                p -> new ReduceOnPlateauSchedule(
                        p.integer(ReduceOnPlateauSchedule.PATIENCE.name()),
                        p.real(ReduceOnPlateauSchedule.FACTOR.name()),
                        p.real(ReduceOnPlateauSchedule.MIN_DELTA.name()),
                        p.integer(ReduceOnPlateauSchedule.COOLDOWN.name()),
                        p.real(ReduceOnPlateauSchedule.MIN_RATE.name())));
    }
}
