package dev.mlp.optimizers.gradient;

import dev.mlp.api.GradientTransform;
import dev.mlp.api.spi.DeclaredProvider;
import dev.mlp.api.spi.GradientTransformProvider;

/**
 * Provides {@link ClipNorm} under the name {@value ClipNorm#NAME}, with the parameters declared
 * there. Example spec: {@code clip-norm(max=5)}.
 */
public final class ClipNormProvider extends DeclaredProvider<GradientTransform>
        implements GradientTransformProvider {

    /** Creates the provider; cheap, no work done. */
    public ClipNormProvider() {
        super(ClipNorm.NAME,
                "scales the gradient down to norm max when its global L2 norm exceeds max",
                ClipNorm.PARAMETERS,
                p -> new ClipNorm(p.real(ClipNorm.MAX.name())));
    }
}
