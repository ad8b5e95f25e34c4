package dev.mlp.optimizers;

import dev.mlp.api.Optimizer;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spi.OptimizerProvider;
import java.util.List;

/**
 * Provides {@link AdamW} under the name {@value AdamW#NAME}. Parameters: {@code lr} (real
 * {@code > 0}, default 0.001); {@code beta1} (real in {@code [0, 1)}, default 0.9);
 * {@code beta2} (real in {@code [0, 1)}, default 0.999); {@code epsilon} (real {@code > 0},
 * default 1.0E-8); {@code decay} (real {@code >= 0}, default 0.01). Example spec:
 * {@code adamw(lr=0.001, decay=0.01)}.
 */
public final class AdamWProvider implements OptimizerProvider {

    /** Creates the provider; cheap, no work done. */
    public AdamWProvider() {
    }

    @Override
    public String name() {
        return AdamW.NAME;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(AdamW.LR, AdamW.BETA1, AdamW.BETA2, AdamW.EPSILON, AdamW.DECAY);
    }

    @Override
    public String description() {
        return "AdamW (Loshchilov and Hutter 2019), decoupled decay on weights";
    }

    @Override
    public Optimizer create(Parameters parameters) {
        return new AdamW(parameters.real(AdamW.LR.name()),
                parameters.real(AdamW.BETA1.name()),
                parameters.real(AdamW.BETA2.name()),
                parameters.real(AdamW.EPSILON.name()),
                parameters.real(AdamW.DECAY.name()));
    }
}
