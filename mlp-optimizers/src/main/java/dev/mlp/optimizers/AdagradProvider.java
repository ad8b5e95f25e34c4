package dev.mlp.optimizers;

import dev.mlp.api.Optimizer;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spi.OptimizerProvider;
import java.util.List;

/**
 * Provides {@link Adagrad} under the name {@value Adagrad#NAME}. Parameters: {@code lr} (real
 * {@code > 0}, default 0.01); {@code epsilon} (real {@code > 0}, default 1.0E-10). Example
 * spec: {@code adagrad(lr=0.01)}.
 */
public final class AdagradProvider implements OptimizerProvider {

    /** Creates the provider; cheap, no work done. */
    public AdagradProvider() {
    }

    @Override
    public String name() {
        return Adagrad.NAME;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(Adagrad.LR, Adagrad.EPSILON);
    }

    @Override
    public String description() {
        return "AdaGrad (Duchi et al. 2011): w <- w - lr g / (sqrt(sum g^2) + eps)";
    }

    @Override
    public Optimizer create(Parameters parameters) {
        return new Adagrad(parameters.real(Adagrad.LR.name()),
                parameters.real(Adagrad.EPSILON.name()));
    }
}
