package dev.mlp.optimizers;

import dev.mlp.api.Optimizer;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spi.OptimizerProvider;
import java.util.List;

/**
 * Provides {@link Sgd} under the name {@value Sgd#NAME}. Parameter: {@code lr} (real
 * {@code > 0}, default 0.01). Example spec: {@code sgd(lr=0.1)}.
 */
public final class SgdProvider implements OptimizerProvider {

    /** Creates the provider; cheap, no work done. */
    public SgdProvider() {
    }

    @Override
    public String name() {
        return Sgd.NAME;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(Sgd.LR);
    }

    @Override
    public String description() {
        return "gradient descent w <- w - lr * g";
    }

    @Override
    public Optimizer create(Parameters parameters) {
        return new Sgd(parameters.real(Sgd.LR.name()));
    }
}
