package dev.mlp.optimizers;

import dev.mlp.api.Optimizer;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spi.OptimizerProvider;
import java.util.List;

/**
 * Provides {@link Nesterov} under the name {@value Nesterov#NAME}. Parameters: {@code lr} (real
 * {@code > 0}, default 0.01) and {@code mu} (real in {@code [0, 1)}, default 0.9). Example spec:
 * {@code nesterov(lr=0.01, mu=0.9)}.
 */
public final class NesterovProvider implements OptimizerProvider {

    /** Creates the provider; cheap, no work done. */
    public NesterovProvider() {
    }

    @Override
    public String name() {
        return Nesterov.NAME;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(Nesterov.LR, Nesterov.MU);
    }

    @Override
    public String description() {
        return "Nesterov momentum v <- mu * v - lr * g; w <- w + mu * v - lr * g";
    }

    @Override
    public Optimizer create(Parameters parameters) {
        return new Nesterov(parameters.real(Nesterov.LR.name()),
                parameters.real(Nesterov.MU.name()));
    }
}
