package dev.mlp.optimizers.gradient;

import dev.mlp.api.GradientTransform;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spi.GradientTransformProvider;
import java.util.List;

/**
 * Provides {@link ClipNorm} under the name {@value ClipNorm#NAME}. Parameter:
 * {@code max} (real {@code > 0}, default 1). Example spec:
 * {@code clip-norm(max=5)}.
 */
public final class ClipNormProvider implements GradientTransformProvider {

    /** Creates the provider; cheap, no work done. */
    public ClipNormProvider() {
    }

    @Override
    public String name() {
        return ClipNorm.NAME;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ClipNorm.MAX);
    }

    @Override
    public String description() {
        return "scales the gradient down to norm max when its global L2 norm exceeds max";
    }

    @Override
    public GradientTransform create(Parameters parameters) {
        return new ClipNorm(parameters.real(ClipNorm.MAX.name()));
    }
}
