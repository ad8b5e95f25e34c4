package dev.mlp.optimizers.schedule;

import dev.mlp.api.LearningRateSchedule;
import dev.mlp.api.spi.DeclaredProvider;
import dev.mlp.api.spi.LearningRateScheduleProvider;

/**
 * Provides {@link CosineSchedule} under the name {@value CosineSchedule#NAME}, with the parameters
 * declared there. Example spec: {@code cosine(warmup=5, min=0.01)}.
 */
public final class CosineScheduleProvider extends DeclaredProvider<LearningRateSchedule>
        implements LearningRateScheduleProvider {

    /** Creates the provider; cheap, no work done. */
    public CosineScheduleProvider() {
        super(CosineSchedule.NAME, "linear warm-up, then cosine decay per step to min * base",
                CosineSchedule.PARAMETERS,
                p -> new CosineSchedule(p.integer(CosineSchedule.WARMUP.name()),
                        p.real(CosineSchedule.MIN.name())));
    }
}
