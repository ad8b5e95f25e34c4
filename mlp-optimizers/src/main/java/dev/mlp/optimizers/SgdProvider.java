package dev.mlp.optimizers;

import dev.mlp.api.Optimizer;
import dev.mlp.api.spi.DeclaredProvider;
import dev.mlp.api.spi.OptimizerProvider;

/**
 * Provides {@link Sgd} under the name {@value Sgd#NAME}, with the parameters declared there.
 * Example spec: {@code sgd(lr=0.1)}.
 */
public final class SgdProvider extends DeclaredProvider<Optimizer> implements OptimizerProvider {

    /** Creates the provider; cheap, no work done. */
    public SgdProvider() {
        super(Sgd.NAME, "gradient descent w <- w - lr * g",
                Sgd.PARAMETERS,
                p -> new Sgd(p.real(Sgd.LR.name())));
    }
}
