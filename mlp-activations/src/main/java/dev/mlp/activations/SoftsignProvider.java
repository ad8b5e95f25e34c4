package dev.mlp.activations;

import dev.mlp.api.Activation;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spi.ActivationProvider;

/**
 * Provides the {@link Softsign} activation under the name {@value Softsign#NAME}.
 * It takes no parameters; every call to {@link #create(Parameters)} returns the same shared,
 * stateless instance.
 */
public final class SoftsignProvider implements ActivationProvider {

    private static final Softsign INSTANCE = new Softsign();

    /** Creates the provider; cheap, no work done. */
    public SoftsignProvider() {
    }

    @Override
    public String name() {
        return Softsign.NAME;
    }

    @Override
    public String description() {
        return "softsign: z / (1 + |z|)";
    }

    @Override
    public Activation create(Parameters parameters) {
        return INSTANCE;
    }
}
