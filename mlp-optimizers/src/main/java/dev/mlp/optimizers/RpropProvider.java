package dev.mlp.optimizers;

import dev.mlp.api.Optimizer;
import dev.mlp.api.spi.DeclaredProvider;
import dev.mlp.api.spi.OptimizerProvider;

/**
 * Provides {@link Rprop} under the name {@value Rprop#NAME}, with the parameters declared there.
 * Example spec: {@code rprop(initial-step=0.01)}.
 */
public final class RpropProvider extends DeclaredProvider<Optimizer> implements OptimizerProvider {

    /** Creates the provider; cheap, no work done. */
    public RpropProvider() {
        super(Rprop.NAME,
                "iRprop- (Igel and Huesken 2000), sign-based per-parameter steps; full-batch",
                Rprop.PARAMETERS,
                p -> new Rprop(p.real(Rprop.ETA_PLUS.name()), p.real(Rprop.ETA_MINUS.name()),
                        p.real(Rprop.INITIAL_STEP.name()), p.real(Rprop.STEP_MIN.name()),
                        p.real(Rprop.STEP_MAX.name())));
    }
}
