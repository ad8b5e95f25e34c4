package dev.mlp.activations;

import dev.mlp.api.Activation;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spi.ActivationProvider;

/**
 * Provides the {@link Sigmoid} activation under the name {@value Sigmoid#NAME}.
 * It takes no parameters; every call to {@link #create(Parameters)} returns the same shared,
 * stateless instance.
 */
public final class SigmoidProvider implements ActivationProvider {

    private static final Sigmoid INSTANCE = new Sigmoid();

    /** Creates the provider; cheap, no work done. */
    public SigmoidProvider() {
    }

    @Override
    public String name() {
        return Sigmoid.NAME;
    }

    @Override
    public String description() {
        return "logistic sigmoid 1 / (1 + e^-z), range (0, 1)";
    }

    @Override
    public Activation create(Parameters parameters) {
        return INSTANCE;
    }
}
