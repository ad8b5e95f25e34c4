package dev.mlp.optimizers;

import dev.mlp.api.Optimizer;
import dev.mlp.api.spi.DeclaredProvider;
import dev.mlp.api.spi.OptimizerProvider;

/**
 * Provides {@link AmsGrad} under the name {@value AmsGrad#NAME}, with the parameters declared
 * there. Example spec: {@code amsgrad(lr=0.001)}.
 */
public final class AmsGradProvider extends DeclaredProvider<Optimizer>
        implements OptimizerProvider {

    /** Creates the provider; cheap, no work done. */
    public AmsGradProvider() {
        super(AmsGrad.NAME, "AMSGrad (Reddi et al. 2018): Adam with the maximum of v",
                AmsGrad.PARAMETERS,
                p -> new AmsGrad(p.real(AmsGrad.LR.name()), p.real(AmsGrad.BETA1.name()),
                        p.real(AmsGrad.BETA2.name()), p.real(AmsGrad.EPSILON.name())));
    }
}
