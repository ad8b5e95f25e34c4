package dev.mlp.activations;

import dev.mlp.api.Activation;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spi.ActivationProvider;

/**
 * Provides the {@link HardSigmoid} activation under the name {@value HardSigmoid#NAME}.
 * It takes no parameters; every call to {@link #create(Parameters)} returns the same shared,
 * stateless instance.
 */
public final class HardSigmoidProvider implements ActivationProvider {

    private static final HardSigmoid INSTANCE = new HardSigmoid();

    /** Creates the provider; cheap, no work done. */
    public HardSigmoidProvider() {
    }

    @Override
    public String name() {
        return HardSigmoid.NAME;
    }

    @Override
    public String description() {
        return "hard sigmoid (PyTorch): relu6(z + 3) / 6; f'(+-3) = 0";
    }

    @Override
    public Activation create(Parameters parameters) {
        return INSTANCE;
    }
}
