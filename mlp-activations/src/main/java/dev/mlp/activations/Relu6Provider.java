package dev.mlp.activations;

import dev.mlp.api.Activation;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spi.ActivationProvider;

/**
 * Provides the {@link Relu6} activation under the name {@value Relu6#NAME}.
 * It takes no parameters; every call to {@link #create(Parameters)} returns the same shared,
 * stateless instance.
 */
public final class Relu6Provider implements ActivationProvider {

    private static final Relu6 INSTANCE = new Relu6();

    /** Creates the provider; cheap, no work done. */
    public Relu6Provider() {
    }

    @Override
    public String name() {
        return Relu6.NAME;
    }

    @Override
    public String description() {
        return "relu6: min(max(0, z), 6); f'(0) = f'(6) = 0";
    }

    @Override
    public Activation create(Parameters parameters) {
        return INSTANCE;
    }
}
