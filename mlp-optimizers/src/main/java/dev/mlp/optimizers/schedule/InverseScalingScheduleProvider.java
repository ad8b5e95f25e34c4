package dev.mlp.optimizers.schedule;

import dev.mlp.api.LearningRateSchedule;
import dev.mlp.api.spi.DeclaredProvider;
import dev.mlp.api.spi.LearningRateScheduleProvider;

/**
 * Provides {@link InverseScalingSchedule} under the name {@value InverseScalingSchedule#NAME}, with
 * the parameters declared there. Example spec: {@code inverse-scaling(power=0.25)}.
 */
public final class InverseScalingScheduleProvider extends DeclaredProvider<LearningRateSchedule>
        implements LearningRateScheduleProvider {

    /** Creates the provider; cheap, no work done. */
    public InverseScalingScheduleProvider() {
        super(InverseScalingSchedule.NAME,
                "scikit-learn's invscaling, base / (t + 1)^power per epoch, t in steps",
                InverseScalingSchedule.PARAMETERS,
                p -> new InverseScalingSchedule(p.real(InverseScalingSchedule.POWER.name())));
    }
}
