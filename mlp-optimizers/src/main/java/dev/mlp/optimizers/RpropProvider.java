package dev.mlp.optimizers;

import dev.mlp.api.Optimizer;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spi.OptimizerProvider;
import java.util.List;

/**
 * Provides {@link Rprop} under the name {@value Rprop#NAME}. Parameters: {@code eta-plus} (real
 * {@code > 1}, default 1.2), {@code eta-minus} (real in {@code (0, 1)}, default 0.5),
 * {@code initial-step} (real {@code > 0}, default 0.1), {@code step-min} (real {@code >= 0},
 * default 1e-6) and {@code step-max} (real {@code > 0}, default 50), with
 * {@code step-min <= initial-step <= step-max}. Example spec: {@code rprop(initial-step=0.01)}.
 */
public final class RpropProvider implements OptimizerProvider {

    /** Creates the provider; cheap, no work done. */
    public RpropProvider() {
    }

    @Override
    public String name() {
        return Rprop.NAME;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(Rprop.ETA_PLUS, Rprop.ETA_MINUS, Rprop.INITIAL_STEP, Rprop.STEP_MIN,
                Rprop.STEP_MAX);
    }

    @Override
    public String description() {
        return "iRprop- (Igel and Huesken 2000), sign-based per-parameter steps; full-batch";
    }

    @Override
    public Optimizer create(Parameters parameters) {
        return new Rprop(parameters.real(Rprop.ETA_PLUS.name()),
                parameters.real(Rprop.ETA_MINUS.name()),
                parameters.real(Rprop.INITIAL_STEP.name()),
                parameters.real(Rprop.STEP_MIN.name()),
                parameters.real(Rprop.STEP_MAX.name()));
    }
}
