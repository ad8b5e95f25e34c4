package dev.mlp.optimizers;

import dev.mlp.api.Optimizer;
import dev.mlp.api.spi.DeclaredProvider;
import dev.mlp.api.spi.OptimizerProvider;

/**
 * Provides {@link Nesterov} under the name {@value Nesterov#NAME}, with the parameters declared
 * there. Example spec: {@code nesterov(lr=0.01, mu=0.9)}.
 */
public final class NesterovProvider extends DeclaredProvider<Optimizer>
        implements OptimizerProvider {

    /** Creates the provider; cheap, no work done. */
    public NesterovProvider() {
        super(Nesterov.NAME, "Nesterov momentum v <- mu * v - lr * g; w <- w + mu * v - lr * g",
                Nesterov.PARAMETERS,
                p -> new Nesterov(p.real(Nesterov.LR.name()), p.real(Nesterov.MU.name())));
    }
}
