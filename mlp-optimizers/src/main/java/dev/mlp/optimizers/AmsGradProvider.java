package dev.mlp.optimizers;

import dev.mlp.api.Optimizer;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spi.OptimizerProvider;
import java.util.List;

/**
 * Provides {@link AmsGrad} under the name {@value AmsGrad#NAME}. Parameters: {@code lr} (real
 * {@code > 0}, default 0.001); {@code beta1} (real in {@code [0, 1)}, default 0.9);
 * {@code beta2} (real in {@code [0, 1)}, default 0.999); {@code epsilon} (real {@code > 0},
 * default 1.0E-8). Example spec: {@code amsgrad(lr=0.001)}.
 */
public final class AmsGradProvider implements OptimizerProvider {

    /** Creates the provider; cheap, no work done. */
    public AmsGradProvider() {
    }

    @Override
    public String name() {
        return AmsGrad.NAME;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(AmsGrad.LR, AmsGrad.BETA1, AmsGrad.BETA2, AmsGrad.EPSILON);
    }

    @Override
    public String description() {
        return "AMSGrad (Reddi et al. 2018): Adam with the maximum of v";
    }

    @Override
    public Optimizer create(Parameters parameters) {
        return new AmsGrad(parameters.real(AmsGrad.LR.name()),
                parameters.real(AmsGrad.BETA1.name()),
                parameters.real(AmsGrad.BETA2.name()),
                parameters.real(AmsGrad.EPSILON.name()));
    }
}
