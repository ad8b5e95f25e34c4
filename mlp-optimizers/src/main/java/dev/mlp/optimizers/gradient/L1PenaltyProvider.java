package dev.mlp.optimizers.gradient;

import dev.mlp.api.GradientTransform;
import dev.mlp.api.spi.DeclaredProvider;
import dev.mlp.api.spi.GradientTransformProvider;

/**
 * Provides {@link L1Penalty} under the name {@value L1Penalty#NAME}, with the parameters declared
 * there.
 */
public final class L1PenaltyProvider extends DeclaredProvider<GradientTransform>
        implements GradientTransformProvider {

    /** Creates the provider; cheap, no work done. */
    public L1PenaltyProvider() {
        super(L1Penalty.NAME, "L1 penalty lambda * sum |w| on the weights (not biases)",
                L1Penalty.PARAMETERS,
                p -> new L1Penalty(p.real(L1Penalty.LAMBDA.name())));
    }
}
