package dev.mlp.optimizers;

import dev.mlp.api.Optimizer;
import dev.mlp.api.spi.DeclaredProvider;
import dev.mlp.api.spi.OptimizerProvider;

/**
 * Provides {@link Momentum} under the name {@value Momentum#NAME}, with the parameters declared
 * there. Example spec: {@code momentum(lr=0.01, mu=0.9)}.
 */
public final class MomentumProvider extends DeclaredProvider<Optimizer>
        implements OptimizerProvider {

    /** Creates the provider; cheap, no work done. */
    public MomentumProvider() {
        super(Momentum.NAME, "classical momentum v <- mu * v - lr * g; w <- w + v",
                Momentum.PARAMETERS,
                p -> new Momentum(p.real(Momentum.LR.name()), p.real(Momentum.MU.name())));
    }
}
