package dev.mlp.optimizers;

import dev.mlp.api.Optimizer;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spi.OptimizerProvider;
import java.util.List;

/**
 * Provides {@link RmsProp} under the name {@value RmsProp#NAME}. Parameters: {@code lr} (real
 * {@code > 0}, default 0.001); {@code rho} (real in {@code [0, 1)}, default 0.9);
 * {@code epsilon} (real {@code > 0}, default 1.0E-8). Example spec:
 * {@code rmsprop(lr=0.001, rho=0.9)}.
 */
public final class RmsPropProvider implements OptimizerProvider {

    /** Creates the provider; cheap, no work done. */
    public RmsPropProvider() {
    }

    @Override
    public String name() {
        return RmsProp.NAME;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(RmsProp.LR, RmsProp.RHO, RmsProp.EPSILON);
    }

    @Override
    public String description() {
        return "RMSprop (Tieleman and Hinton 2012): w <- w - lr g / (sqrt(v) + eps)";
    }

    @Override
    public Optimizer create(Parameters parameters) {
        return new RmsProp(parameters.real(RmsProp.LR.name()),
                parameters.real(RmsProp.RHO.name()),
                parameters.real(RmsProp.EPSILON.name()));
    }
}
