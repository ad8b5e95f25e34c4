package dev.mlp.activations;

import dev.mlp.api.Activation;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spi.ActivationProvider;
import java.util.List;

/**
 * Provides the {@link Silu} activation under the name {@value Silu#NAME} (alias {@code swish}).
 * It takes no parameters; every call to {@link #create(Parameters)} returns the same shared,
 * stateless instance.
 */
public final class SiluProvider implements ActivationProvider {

    private static final Silu INSTANCE = new Silu();

    /** Creates the provider; cheap, no work done. */
    public SiluProvider() {
    }

    @Override
    public String name() {
        return Silu.NAME;
    }

    @Override
    public List<String> aliases() {
        return List.of(Silu.ALIAS);
    }

    @Override
    public String description() {
        return "silu / swish: z sigmoid(z)";
    }

    @Override
    public Activation create(Parameters parameters) {
        return INSTANCE;
    }
}
