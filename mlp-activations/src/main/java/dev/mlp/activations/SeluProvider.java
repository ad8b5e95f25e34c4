package dev.mlp.activations;

import dev.mlp.api.Activation;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spi.ActivationProvider;

/**
 * Provides the {@link Selu} activation under the name {@value Selu#NAME}.
 * It takes no parameters; every call to {@link #create(Parameters)} returns the same shared,
 * stateless instance.
 */
public final class SeluProvider implements ActivationProvider {

    private static final Selu INSTANCE = new Selu();

    /** Creates the provider; cheap, no work done. */
    public SeluProvider() {
    }

    @Override
    public String name() {
        return Selu.NAME;
    }

    @Override
    public String description() {
        return "selu: lambda z for z > 0, lambda alpha (e^z - 1) otherwise (Klambauer et al. 2017); f'(0) = lambda alpha";
    }

    @Override
    public Activation create(Parameters parameters) {
        return INSTANCE;
    }
}
