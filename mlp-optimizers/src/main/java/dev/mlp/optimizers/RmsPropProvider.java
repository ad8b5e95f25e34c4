package dev.mlp.optimizers;

import dev.mlp.api.Optimizer;
import dev.mlp.api.spi.DeclaredProvider;
import dev.mlp.api.spi.OptimizerProvider;

/**
 * Provides {@link RmsProp} under the name {@value RmsProp#NAME}, with the parameters declared
 * there. Example spec: {@code rmsprop(lr=0.001, rho=0.9)}.
 */
public final class RmsPropProvider extends DeclaredProvider<Optimizer>
        implements OptimizerProvider {

    /** Creates the provider; cheap, no work done. */
    public RmsPropProvider() {
        super(RmsProp.NAME, "RMSprop (Tieleman and Hinton 2012): w <- w - lr g / (sqrt(v) + eps)",
                RmsProp.PARAMETERS,
                p -> new RmsProp(p.real(RmsProp.LR.name()), p.real(RmsProp.RHO.name()),
                        p.real(RmsProp.EPSILON.name())));
    }
}
