package dev.mlp.optimizers.gradient;

import dev.mlp.api.GradientTransform;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spi.GradientTransformProvider;
import java.util.List;

/**
 * Provides {@link L2Penalty} under the name {@value L2Penalty#NAME}. Parameter:
 * {@code lambda} (real {@code >= 0}, default 1e-4). Example
 * spec: {@code l2(lambda=1e-3)}.
 */
public final class L2PenaltyProvider implements GradientTransformProvider {

    /** Creates the provider; cheap, no work done. */
    public L2PenaltyProvider() {
    }

    @Override
    public String name() {
        return L2Penalty.NAME;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(L2Penalty.LAMBDA);
    }

    @Override
    public String description() {
        return "L2 penalty (lambda / 2) * sum w^2 on the weights (not biases)";
    }

    @Override
    public GradientTransform create(Parameters parameters) {
        return new L2Penalty(parameters.real(L2Penalty.LAMBDA.name()));
    }
}
