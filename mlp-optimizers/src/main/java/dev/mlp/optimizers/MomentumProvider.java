package dev.mlp.optimizers;

import dev.mlp.api.Optimizer;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spi.OptimizerProvider;
import java.util.List;

/**
 * Provides {@link Momentum} under the name {@value Momentum#NAME}. Parameters: {@code lr} (real
 * {@code > 0}, default 0.01) and {@code mu} (real in {@code [0, 1)}, default 0.9). Example spec:
 * {@code momentum(lr=0.01, mu=0.9)}.
 */
public final class MomentumProvider implements OptimizerProvider {

    /** Creates the provider; cheap, no work done. */
    public MomentumProvider() {
    }

    @Override
    public String name() {
        return Momentum.NAME;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(Momentum.LR, Momentum.MU);
    }

    @Override
    public String description() {
        return "classical momentum v <- mu * v - lr * g; w <- w + v";
    }

    @Override
    public Optimizer create(Parameters parameters) {
        return new Momentum(parameters.real(Momentum.LR.name()),
                parameters.real(Momentum.MU.name()));
    }
}
