package dev.mlp.optimizers;

import dev.mlp.api.Optimizer;
import dev.mlp.api.spi.DeclaredProvider;
import dev.mlp.api.spi.OptimizerProvider;

/**
 * Provides {@link Adamax} under the name {@value Adamax#NAME}, with the parameters declared there.
 * Example spec: {@code adamax(lr=0.002)}.
 */
public final class AdamaxProvider extends DeclaredProvider<Optimizer> implements OptimizerProvider {

    /** Creates the provider; cheap, no work done. */
    public AdamaxProvider() {
        super(Adamax.NAME, "AdaMax (Kingma and Ba 2015): Adam with the infinity norm",
                Adamax.PARAMETERS,
                p -> new Adamax(p.real(Adamax.LR.name()), p.real(Adamax.BETA1.name()),
                        p.real(Adamax.BETA2.name()), p.real(Adamax.EPSILON.name())));
    }
}
