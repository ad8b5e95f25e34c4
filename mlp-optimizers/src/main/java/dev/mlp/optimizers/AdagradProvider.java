package dev.mlp.optimizers;

import dev.mlp.api.Optimizer;
import dev.mlp.api.spi.DeclaredProvider;
import dev.mlp.api.spi.OptimizerProvider;

/**
 * Provides {@link Adagrad} under the name {@value Adagrad#NAME}, with the parameters declared
 * there.
 */
public final class AdagradProvider extends DeclaredProvider<Optimizer>
        implements OptimizerProvider {

    /** Creates the provider; cheap, no work done. */
    public AdagradProvider() {
        super(Adagrad.NAME, "AdaGrad (Duchi et al. 2011): w <- w - lr g / (sqrt(sum g^2) + eps)",
                Adagrad.PARAMETERS,
                p -> new Adagrad(p.real(Adagrad.LR.name()), p.real(Adagrad.EPSILON.name())));
    }
}
