package dev.mlp.activations;

import dev.mlp.api.Activation;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spi.ActivationProvider;

/**
 * Provides the {@link Softmax} activation under the name {@value Softmax#NAME}.
 * It takes no parameters; every call to {@link #create(Parameters)} returns the same shared,
 * stateless instance.
 */
public final class SoftmaxProvider implements ActivationProvider {

    private static final Softmax INSTANCE = new Softmax();

    /** Creates the provider; cheap, no work done. */
    public SoftmaxProvider() {
    }

    @Override
    public String name() {
        return Softmax.NAME;
    }

    @Override
    public String description() {
        return "row-wise softmax e^z_j / sum_k e^z_k; rows sum to 1";
    }

    @Override
    public Activation create(Parameters parameters) {
        return INSTANCE;
    }
}
