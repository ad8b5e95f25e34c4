package dev.mlp.optimizers;

import dev.mlp.api.Optimizer;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spi.OptimizerProvider;
import java.util.List;

/**
 * Provides {@link NormalizedGradient} under the name {@value NormalizedGradient#NAME}.
 * Parameter: {@code lr}, the step length (real {@code > 0}, default 0.01). Example spec:
 * {@code normalized-gradient(lr=0.002)}.
 */
public final class NormalizedGradientProvider implements OptimizerProvider {

    /** Creates the provider; cheap, no work done. */
    public NormalizedGradientProvider() {
    }

    @Override
    public String name() {
        return NormalizedGradient.NAME;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(NormalizedGradient.LR);
    }

    @Override
    public String description() {
        return "fixed-length step w <- w - lr * g / ||g||, norm over the whole network";
    }

    @Override
    public Optimizer create(Parameters parameters) {
        return new NormalizedGradient(parameters.real(NormalizedGradient.LR.name()));
    }
}
