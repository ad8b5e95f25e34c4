package dev.mlp.activations;

import dev.mlp.api.Activation;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spi.ActivationProvider;
import java.util.List;

/**
 * Provides the {@link Elu} activation under the name {@value Elu#NAME}, with one parameter:
 * {@code alpha}, the saturation value for very negative inputs, a real {@code > 0} defaulting to
 * {@value Elu#DEFAULT_ALPHA}. Example spec: {@code elu(alpha=0.5)}.
 */
public final class EluProvider implements ActivationProvider {

    /** Creates the provider; cheap, no work done. */
    public EluProvider() {
    }

    @Override
    public String name() {
        return Elu.NAME;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(Elu.ALPHA);
    }

    @Override
    public String description() {
        return "elu: z for z > 0, alpha (e^z - 1) otherwise; f'(0) = alpha";
    }

    @Override
    public Activation create(Parameters parameters) {
        return new Elu(parameters.real(Elu.ALPHA.name()));
    }
}
