package dev.mlp.optimizers.schedule;

import dev.mlp.api.LearningRateSchedule;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spi.LearningRateScheduleProvider;
import java.util.List;

/**
 * Provides {@link CosineSchedule} under the name {@value CosineSchedule#NAME}. Parameters:
 * {@code warmup} (integer {@code >= 0} epochs, default 0) and {@code min} (real in {@code [0, 1)},
 * default 0). Example spec: {@code cosine(warmup=5, min=0.01)}.
 */
public final class CosineScheduleProvider implements LearningRateScheduleProvider {

    /** Creates the provider; cheap, no work done. */
    public CosineScheduleProvider() {
    }

    @Override
    public String name() {
        return CosineSchedule.NAME;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(CosineSchedule.WARMUP, CosineSchedule.MIN);
    }

    @Override
    public String description() {
        return "linear warm-up, then cosine decay per step to min * base";
    }

    @Override
    public LearningRateSchedule create(Parameters parameters) {
        return new CosineSchedule(parameters.integer(CosineSchedule.WARMUP.name()),
                parameters.real(CosineSchedule.MIN.name()));
    }
}
