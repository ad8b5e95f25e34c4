package dev.mlp.optimizers;

import dev.mlp.api.Optimizer;
import dev.mlp.api.spi.DeclaredProvider;
import dev.mlp.api.spi.OptimizerProvider;

/**
 * Provides {@link NormalizedGradient} under the name {@value NormalizedGradient#NAME}, with the
 * parameters declared there.
 */
public final class NormalizedGradientProvider extends DeclaredProvider<Optimizer>
        implements OptimizerProvider {

    /** Creates the provider; cheap, no work done. */
    public NormalizedGradientProvider() {
        super(NormalizedGradient.NAME, "fixed-length step w <- w - lr * g / ||g||, norm over the "
                + "network, each layer or each parameter, optional momentum",
                NormalizedGradient.PARAMETERS,
                p -> new NormalizedGradient(p.real(NormalizedGradient.LR.name()),
                        NormalizedGradient.Scope.of(p.choice(NormalizedGradient.SCOPE.name())),
                        p.real(NormalizedGradient.MOMENTUM.name())));
    }
}
