package dev.mlp.optimizers.gradient;

import dev.mlp.api.GradientTransform;
import dev.mlp.api.spi.DeclaredProvider;
import dev.mlp.api.spi.GradientTransformProvider;

/**
 * Provides {@link ClipValue} under the name {@value ClipValue#NAME}, with the parameters declared
 * there. Example spec: {@code clip-value(max=5)}.
 */
public final class ClipValueProvider extends DeclaredProvider<GradientTransform>
        implements GradientTransformProvider {

    /** Creates the provider; cheap, no work done. */
    public ClipValueProvider() {
        super(ClipValue.NAME, "clamps every gradient component to [-max, max]",
                ClipValue.PARAMETERS,
                p -> new ClipValue(p.real(ClipValue.MAX.name())));
    }
}
