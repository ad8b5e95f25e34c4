package dev.mlp.activations;

import dev.mlp.api.Activation;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spi.ActivationProvider;
import java.util.List;

/**
 * Provides the {@link Gelu} activation under the name {@value Gelu#NAME}, with one parameter:
 * {@code approximate}, {@code none} (default, the exact {@code z Phi(z)}) or {@code tanh}.
 * Example spec: {@code gelu(approximate=tanh)}.
 */
public final class GeluProvider implements ActivationProvider {

    /** Creates the provider; cheap, no work done. */
    public GeluProvider() {
    }

    @Override
    public String name() {
        return Gelu.NAME;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(Gelu.APPROXIMATE);
    }

    @Override
    public String description() {
        return "gelu: z Phi(z), exact with erf or by the tanh approximation";
    }

    @Override
    public Activation create(Parameters parameters) {
        return new Gelu(parameters.choice(Gelu.APPROXIMATE.name()));
    }
}
