package dev.mlp.optimizers;

import dev.mlp.api.Optimizer;
import dev.mlp.api.spi.DeclaredProvider;
import dev.mlp.api.spi.OptimizerProvider;

/**
 * Provides {@link Adam} under the name {@value Adam#NAME}, with the parameters declared there.
 * Example spec: {@code adam(lr=0.001, beta1=0.9)}.
 */
public final class AdamProvider extends DeclaredProvider<Optimizer> implements OptimizerProvider {

    /** Creates the provider; cheap, no work done. */
    public AdamProvider() {
        super(Adam.NAME, "Adam (Kingma and Ba 2015), bias-corrected adaptive moments",
                Adam.PARAMETERS,
                p -> new Adam(p.real(Adam.LR.name()), p.real(Adam.BETA1.name()),
                        p.real(Adam.BETA2.name()), p.real(Adam.EPSILON.name())));
    }
}
