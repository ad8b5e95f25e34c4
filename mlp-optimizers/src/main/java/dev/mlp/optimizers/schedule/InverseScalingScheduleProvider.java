package dev.mlp.optimizers.schedule;

import dev.mlp.api.LearningRateSchedule;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spi.LearningRateScheduleProvider;
import java.util.List;

/**
 * Provides {@link InverseScalingSchedule} under the name {@value InverseScalingSchedule#NAME}.
 * Parameter: {@code power} (real {@code >= 0}, default 0.5). Example spec:
 * {@code inverse-scaling(power=0.25)}.
 */
public final class InverseScalingScheduleProvider implements LearningRateScheduleProvider {

    /** Creates the provider; cheap, no work done. */
    public InverseScalingScheduleProvider() {
    }

    @Override
    public String name() {
        return InverseScalingSchedule.NAME;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(InverseScalingSchedule.POWER);
    }

    @Override
    public String description() {
        return "scikit-learn's invscaling, base / (t + 1)^power per epoch, t in steps";
    }

    @Override
    public LearningRateSchedule create(Parameters parameters) {
        return new InverseScalingSchedule(parameters.real(InverseScalingSchedule.POWER.name()));
    }
}
