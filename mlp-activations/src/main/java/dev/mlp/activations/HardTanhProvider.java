package dev.mlp.activations;

import dev.mlp.api.Activation;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spi.ActivationProvider;

/**
 * Provides the {@link HardTanh} activation under the name {@value HardTanh#NAME}.
 * It takes no parameters; every call to {@link #create(Parameters)} returns the same shared,
 * stateless instance.
 */
public final class HardTanhProvider implements ActivationProvider {

    private static final HardTanh INSTANCE = new HardTanh();

    /** Creates the provider; cheap, no work done. */
    public HardTanhProvider() {
    }

    @Override
    public String name() {
        return HardTanh.NAME;
    }

    @Override
    public String description() {
        return "hard tanh: clip(z, -1, 1); f'(+-1) = 0";
    }

    @Override
    public Activation create(Parameters parameters) {
        return INSTANCE;
    }
}
