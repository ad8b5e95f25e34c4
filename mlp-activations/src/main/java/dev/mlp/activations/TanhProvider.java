package dev.mlp.activations;

import dev.mlp.api.Activation;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spi.ActivationProvider;

/**
 * Provides the {@link Tanh} activation under the name {@value Tanh#NAME}.
 * It takes no parameters; every call to {@link #create(Parameters)} returns the same shared,
 * stateless instance.
 */
public final class TanhProvider implements ActivationProvider {

    private static final Tanh INSTANCE = new Tanh();

    /** Creates the provider; cheap, no work done. */
    public TanhProvider() {
    }

    @Override
    public String name() {
        return Tanh.NAME;
    }

    @Override
    public String description() {
        return "hyperbolic tangent, range (-1, 1)";
    }

    @Override
    public Activation create(Parameters parameters) {
        return INSTANCE;
    }
}
