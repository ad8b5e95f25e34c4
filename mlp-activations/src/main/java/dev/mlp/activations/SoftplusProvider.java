package dev.mlp.activations;

import dev.mlp.api.Activation;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spi.ActivationProvider;

/**
 * Provides the {@link Softplus} activation under the name {@value Softplus#NAME}.
 * It takes no parameters; every call to {@link #create(Parameters)} returns the same shared,
 * stateless instance.
 */
public final class SoftplusProvider implements ActivationProvider {

    private static final Softplus INSTANCE = new Softplus();

    /** Creates the provider; cheap, no work done. */
    public SoftplusProvider() {
    }

    @Override
    public String name() {
        return Softplus.NAME;
    }

    @Override
    public String description() {
        return "smooth relu ln(1 + e^z); derivative sigmoid(z)";
    }

    @Override
    public Activation create(Parameters parameters) {
        return INSTANCE;
    }
}
