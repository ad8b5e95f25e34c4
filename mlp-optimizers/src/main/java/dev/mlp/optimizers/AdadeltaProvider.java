package dev.mlp.optimizers;

import dev.mlp.api.Optimizer;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spi.OptimizerProvider;
import java.util.List;

/**
 * Provides {@link Adadelta} under the name {@value Adadelta#NAME}. Parameters: {@code lr}
 * (real {@code > 0}, default 1.0); {@code rho} (real in {@code [0, 1)}, default 0.95);
 * {@code epsilon} (real {@code > 0}, default 1.0E-6). Example spec:
 * {@code adadelta(rho=0.95)}.
 */
public final class AdadeltaProvider implements OptimizerProvider {

    /** Creates the provider; cheap, no work done. */
    public AdadeltaProvider() {
    }

    @Override
    public String name() {
        return Adadelta.NAME;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(Adadelta.LR, Adadelta.RHO, Adadelta.EPSILON);
    }

    @Override
    public String description() {
        return "ADADELTA (Zeiler 2012), update scaled by lr";
    }

    @Override
    public Optimizer create(Parameters parameters) {
        return new Adadelta(parameters.real(Adadelta.LR.name()),
                parameters.real(Adadelta.RHO.name()),
                parameters.real(Adadelta.EPSILON.name()));
    }
}
