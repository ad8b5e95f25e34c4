package dev.mlp.optimizers;

import dev.mlp.api.Optimizer;
import dev.mlp.api.spi.DeclaredProvider;
import dev.mlp.api.spi.OptimizerProvider;

/**
 * Provides {@link Nadam} under the name {@value Nadam#NAME}, with the parameters declared there.
 * Example spec: {@code nadam(lr=0.002)}.
 */
public final class NadamProvider extends DeclaredProvider<Optimizer> implements OptimizerProvider {

    /** Creates the provider; cheap, no work done. */
    public NadamProvider() {
        super(Nadam.NAME, "NAdam (Dozat 2016, PyTorch formulation): Adam with Nesterov momentum",
                Nadam.PARAMETERS,
                p -> new Nadam(p.real(Nadam.LR.name()), p.real(Nadam.BETA1.name()),
                        p.real(Nadam.BETA2.name()), p.real(Nadam.EPSILON.name()),
                        p.real(Nadam.MOMENTUM_DECAY.name())));
    }
}
