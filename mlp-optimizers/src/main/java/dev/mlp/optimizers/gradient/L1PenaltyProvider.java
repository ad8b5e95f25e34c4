package dev.mlp.optimizers.gradient;

import dev.mlp.api.GradientTransform;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spi.GradientTransformProvider;
import java.util.List;

/**
 * Provides {@link L1Penalty} under the name {@value L1Penalty#NAME}. Parameter:
 * {@code lambda} (real {@code >= 0}, default 1e-4). Example
 * spec: {@code l1(lambda=1e-5)}.
 */
public final class L1PenaltyProvider implements GradientTransformProvider {

    /** Creates the provider; cheap, no work done. */
    public L1PenaltyProvider() {
    }

    @Override
    public String name() {
        return L1Penalty.NAME;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(L1Penalty.LAMBDA);
    }

    @Override
    public String description() {
        return "L1 penalty lambda * sum |w| on the weights (not biases)";
    }

    @Override
    public GradientTransform create(Parameters parameters) {
        return new L1Penalty(parameters.real(L1Penalty.LAMBDA.name()));
    }
}
