package dev.mlp.optimizers.gradient;

import dev.mlp.api.GradientTransform;
import dev.mlp.api.spi.DeclaredProvider;
import dev.mlp.api.spi.GradientTransformProvider;

/**
 * Provides {@link L2Penalty} under the name {@value L2Penalty#NAME}, with the parameters declared
 * there.
 */
public final class L2PenaltyProvider extends DeclaredProvider<GradientTransform>
        implements GradientTransformProvider {

    /** Creates the provider; cheap, no work done. */
    public L2PenaltyProvider() {
        super(L2Penalty.NAME, "L2 penalty (lambda / 2) * sum w^2 on the weights (not biases)",
                L2Penalty.PARAMETERS,
                p -> new L2Penalty(p.real(L2Penalty.LAMBDA.name())));
    }
}
