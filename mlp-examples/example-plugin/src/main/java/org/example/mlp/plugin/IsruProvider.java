package org.example.mlp.plugin;

import dev.mlp.api.Activation;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spi.ActivationProvider;
import java.util.List;

/**
 * Provides {@link Isru} under the name {@value Isru#NAME}, with one parameter {@code alpha}
 * (real {@code > 0}, default 1.0). Example spec: {@code isru(alpha=0.5)}.
 */
public final class IsruProvider implements ActivationProvider {

    /** Creates the provider; cheap, no work done. */
    public IsruProvider() {
    }

    @Override
    public String name() {
        return Isru.NAME;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(Isru.ALPHA);
    }

    @Override
    public String description() {
        return "inverse square root unit z / sqrt(1 + alpha z^2) (example third-party plugin)";
    }

    @Override
    public Activation create(Parameters parameters) {
        return new Isru(parameters.real(Isru.ALPHA.name()));
    }
}
