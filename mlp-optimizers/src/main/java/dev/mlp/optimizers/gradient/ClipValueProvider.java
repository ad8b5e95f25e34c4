package dev.mlp.optimizers.gradient;

import dev.mlp.api.GradientTransform;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spec.Parameters;
import dev.mlp.api.spi.GradientTransformProvider;
import java.util.List;

/**
 * Provides {@link ClipValue} under the name {@value ClipValue#NAME}. Parameter:
 * {@code max} (real {@code > 0}, default 1). Example spec:
 * {@code clip-value(max=5)}.
 */
public final class ClipValueProvider implements GradientTransformProvider {

    /** Creates the provider; cheap, no work done. */
    public ClipValueProvider() {
    }

    @Override
    public String name() {
        return ClipValue.NAME;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ClipValue.MAX);
    }

    @Override
    public String description() {
        return "clamps every gradient component to [-max, max]";
    }

    @Override
    public GradientTransform create(Parameters parameters) {
        return new ClipValue(parameters.real(ClipValue.MAX.name()));
    }
}
