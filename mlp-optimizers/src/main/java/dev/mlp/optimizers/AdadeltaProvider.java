package dev.mlp.optimizers;

import dev.mlp.api.Optimizer;
import dev.mlp.api.spi.DeclaredProvider;
import dev.mlp.api.spi.OptimizerProvider;

/**
 * Provides {@link Adadelta} under the name {@value Adadelta#NAME}, with the parameters declared
 * there. Example spec: {@code adadelta(rho=0.95)}.
 */
public final class AdadeltaProvider extends DeclaredProvider<Optimizer>
        implements OptimizerProvider {

    /** Creates the provider; cheap, no work done. */
    public AdadeltaProvider() {
        super(Adadelta.NAME, "ADADELTA (Zeiler 2012), update scaled by lr",
                Adadelta.PARAMETERS,
                p -> new Adadelta(p.real(Adadelta.LR.name()), p.real(Adadelta.RHO.name()),
                        p.real(Adadelta.EPSILON.name())));
    }
}
