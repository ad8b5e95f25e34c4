package dev.mlp.optimizers;

import dev.mlp.api.Optimizer;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spi.OptimizerProvider;
import java.util.List;

/**
 * Provides {@link Adamax} under the name {@value Adamax#NAME}. Parameters: {@code lr} (real
 * {@code > 0}, default 0.002); {@code beta1} (real in {@code [0, 1)}, default 0.9);
 * {@code beta2} (real in {@code [0, 1)}, default 0.999); {@code epsilon} (real {@code > 0},
 * default 1.0E-8). Example spec: {@code adamax(lr=0.002)}.
 */
public final class AdamaxProvider implements OptimizerProvider {

    /** Creates the provider; cheap, no work done. */
    public AdamaxProvider() {
    }

    @Override
    public String name() {
        return Adamax.NAME;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(Adamax.LR, Adamax.BETA1, Adamax.BETA2, Adamax.EPSILON);
    }

    @Override
    public String description() {
        return "AdaMax (Kingma and Ba 2015): Adam with the infinity norm";
    }

    @Override
    public Optimizer create(Parameters parameters) {
        return new Adamax(parameters.real(Adamax.LR.name()),
                parameters.real(Adamax.BETA1.name()),
                parameters.real(Adamax.BETA2.name()),
                parameters.real(Adamax.EPSILON.name()));
    }
}
