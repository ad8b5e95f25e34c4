package dev.mlp.optimizers;

import dev.mlp.api.Optimizer;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spi.OptimizerProvider;
import java.util.List;

/**
 * Provides {@link Adam} under the name {@value Adam#NAME}. Parameters: {@code lr} (real
 * {@code > 0}, default 0.001), {@code beta1} and {@code beta2} (reals in {@code [0, 1)}, default
 * 0.9 and 0.999) and {@code epsilon} (real {@code > 0}, default 1e-8). Example spec:
 * {@code adam(lr=0.001, beta1=0.9)}.
 */
public final class AdamProvider implements OptimizerProvider {

    /** Creates the provider; cheap, no work done. */
    public AdamProvider() {
    }

    @Override
    public String name() {
        return Adam.NAME;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(Adam.LR, Adam.BETA1, Adam.BETA2, Adam.EPSILON);
    }

    @Override
    public String description() {
        return "Adam (Kingma and Ba 2015), bias-corrected adaptive moments";
    }

    @Override
    public Optimizer create(Parameters parameters) {
        return new Adam(parameters.real(Adam.LR.name()), parameters.real(Adam.BETA1.name()),
                parameters.real(Adam.BETA2.name()), parameters.real(Adam.EPSILON.name()));
    }
}
