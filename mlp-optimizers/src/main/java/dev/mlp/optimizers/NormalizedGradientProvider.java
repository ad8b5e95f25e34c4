package dev.mlp.optimizers;

import dev.mlp.api.Optimizer;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spi.OptimizerProvider;
import java.util.List;

/**
 * Provides {@link NormalizedGradient} under the name {@value NormalizedGradient#NAME}.
 * Parameters: {@code lr}, the step length (real {@code > 0}, default 0.01); {@code scope}, what
 * the norm is taken over ({@code global}, the default, {@code per-layer} or
 * {@code per-parameter}); {@code momentum} (real in {@code [0, 1)}, default 0, none). Example
 * spec: {@code normalized-gradient(lr=0.002, scope=per-layer, momentum=0.9)}.
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
        return List.of(NormalizedGradient.LR, NormalizedGradient.SCOPE,
                NormalizedGradient.MOMENTUM);
    }

    @Override
    public String description() {
        return "fixed-length step w <- w - lr * g / ||g||, norm over the network, each layer "
                + "or each parameter, optional momentum";
    }

    @Override
    public Optimizer create(Parameters parameters) {
        return new NormalizedGradient(parameters.real(NormalizedGradient.LR.name()),
                NormalizedGradient.Scope.of(parameters.choice(NormalizedGradient.SCOPE.name())),
                parameters.real(NormalizedGradient.MOMENTUM.name()));
    }
}
