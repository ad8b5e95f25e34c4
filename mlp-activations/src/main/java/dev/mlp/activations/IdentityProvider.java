package dev.mlp.activations;

import dev.mlp.api.Activation;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spi.ActivationProvider;
import java.util.List;

/**
 * Provides the {@link Identity} activation under the name {@value Identity#NAME} (alias
 * {@code linear}). It takes no parameters; every call to {@link #create(Parameters)} returns the same shared,
 * stateless instance.
 */
public final class IdentityProvider implements ActivationProvider {

    private static final Identity INSTANCE = new Identity();

    /** Creates the provider; cheap, no work done. */
    public IdentityProvider() {
    }

    @Override
    public String name() {
        return Identity.NAME;
    }

    @Override
    public List<String> aliases() {
        return List.of("linear");
    }

    @Override
    public String description() {
        return "identity f(z) = z, for regression outputs";
    }

    @Override
    public Activation create(Parameters parameters) {
        return INSTANCE;
    }
}
