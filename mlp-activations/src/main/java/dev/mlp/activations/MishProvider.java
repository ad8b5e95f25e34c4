package dev.mlp.activations;

import dev.mlp.api.Activation;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spi.ActivationProvider;

/**
 * Provides the {@link Mish} activation under the name {@value Mish#NAME}.
 * It takes no parameters; every call to {@link #create(Parameters)} returns the same shared,
 * stateless instance.
 */
public final class MishProvider implements ActivationProvider {

    private static final Mish INSTANCE = new Mish();

    /** Creates the provider; cheap, no work done. */
    public MishProvider() {
    }

    @Override
    public String name() {
        return Mish.NAME;
    }

    @Override
    public String description() {
        return "mish: z tanh(softplus(z))";
    }

    @Override
    public Activation create(Parameters parameters) {
        return INSTANCE;
    }
}
