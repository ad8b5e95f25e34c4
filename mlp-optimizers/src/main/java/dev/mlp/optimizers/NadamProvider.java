package dev.mlp.optimizers;

import dev.mlp.api.Optimizer;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spi.OptimizerProvider;
import java.util.List;

/**
 * Provides {@link Nadam} under the name {@value Nadam#NAME}. Parameters: {@code lr} (real
 * {@code > 0}, default 0.002); {@code beta1} (real in {@code [0, 1)}, default 0.9);
 * {@code beta2} (real in {@code [0, 1)}, default 0.999); {@code epsilon} (real {@code > 0},
 * default 1.0E-8); {@code momentum-decay} (real {@code >= 0}, default 0.004). Example spec:
 * {@code nadam(lr=0.002)}.
 */
public final class NadamProvider implements OptimizerProvider {

    /** Creates the provider; cheap, no work done. */
    public NadamProvider() {
    }

    @Override
    public String name() {
        return Nadam.NAME;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(Nadam.LR, Nadam.BETA1, Nadam.BETA2, Nadam.EPSILON, Nadam.MOMENTUM_DECAY);
    }

    @Override
    public String description() {
        return "NAdam (Dozat 2016, PyTorch formulation): Adam with Nesterov momentum";
    }

    @Override
    public Optimizer create(Parameters parameters) {
        return new Nadam(parameters.real(Nadam.LR.name()),
                parameters.real(Nadam.BETA1.name()),
                parameters.real(Nadam.BETA2.name()),
                parameters.real(Nadam.EPSILON.name()),
                parameters.real(Nadam.MOMENTUM_DECAY.name()));
    }
}
