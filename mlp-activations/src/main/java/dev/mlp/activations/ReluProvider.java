package dev.mlp.activations;

import dev.mlp.api.Activation;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spi.ActivationProvider;

/**
 * Provides the {@link Relu} activation under the name {@value Relu#NAME}.
 * It takes no parameters; every call to {@link #create(Parameters)} returns the same shared,
 * stateless instance.
 */
public final class ReluProvider implements ActivationProvider {

    private static final Relu INSTANCE = new Relu();

    /** Creates the provider; cheap, no work done. */
    public ReluProvider() {
    }

    @Override
    public String name() {
        return Relu.NAME;
    }

    @Override
    public String description() {
        return "rectified linear max(0, z); f'(0) = 0";
    }

    @Override
    public Activation create(Parameters parameters) {
        return INSTANCE;
    }
}
