package dev.mlp.activations;

import dev.mlp.api.Activation;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spi.ActivationProvider;
import java.util.List;

/**
 * Provides the {@link LeakyRelu} activation under the name {@value LeakyRelu#NAME}, with one
 * parameter: {@code alpha}, the slope for negative inputs, a real in {@code [0, 1)} defaulting to
 * {@value LeakyRelu#DEFAULT_ALPHA}. Example spec: {@code leaky-relu(alpha=0.1)}.
 */
public final class LeakyReluProvider implements ActivationProvider {

    /** Creates the provider; cheap, no work done. */
    public LeakyReluProvider() {
    }

    @Override
    public String name() {
        return LeakyRelu.NAME;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(LeakyRelu.ALPHA);
    }

    @Override
    public String description() {
        return "leaky relu: z for z > 0, alpha * z otherwise; f'(0) = alpha";
    }

    @Override
    public Activation create(Parameters parameters) {
        return new LeakyRelu(parameters.real(LeakyRelu.ALPHA.name()));
    }
}
