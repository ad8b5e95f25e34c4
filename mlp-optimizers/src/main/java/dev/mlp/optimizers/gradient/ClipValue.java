package dev.mlp.optimizers.gradient;

import dev.mlp.api.GradientTransform;
import dev.mlp.api.ParameterLayout;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spi.DeclaredProvider;
import dev.mlp.api.spi.GradientTransformProvider;
import java.util.List;

/**
 * Clipping by value: every gradient component is clamped to {@code [-max, max]},
 * {@code g_i <- min(max, max(-max, g_i))} (Keras' {@code clipvalue}, PyTorch's
 * {@code clip_grad_value_}). This changes the gradient's direction when some components are
 * clipped and others are not; {@link ClipNorm} keeps it. {@code NaN} stays {@code NaN}; an
 * infinite component becomes {@code +-max}. Adds no penalty.
 */
public record ClipValue(double max) implements GradientTransform {

    /** The registered name. */
    public static final String NAME = "clip-value";

    /** The largest absolute component: real {@code > 0}, default 1. */
    public static final ParameterSpec MAX =
            ParameterSpec.real("max", 1.0, "largest absolute gradient component").above(0);

    /** The parameters in the order of the canonical spec, as the provider declares them. */
    public static final List<ParameterSpec> PARAMETERS = List.of(MAX);

    /**
     * @param max the largest absolute component, {@code > 0} and finite
     * @throws dev.mlp.api.spec.SpecException (an {@link IllegalArgumentException}) if not
     */
    public ClipValue {
        MAX.check(max, NAME);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double apply(ParameterLayout layout, double[][] parameters, double[][] gradients) {
        int[] sizes = layout.checkArrays(NAME, parameters, gradients);
        for (int b = 0; b < sizes.length; b++) {
            double[] g = gradients[b];
            for (int i = 0, n = sizes[b]; i < n; i++) {
                g[i] = Math.min(max, Math.max(-max, g[i])); // both keep NaN
            }
        }
        return 0.0;
    }

    /**
     * @return the canonical spec, for example {@code clip-value(max=1.0)}
     */
    @Override
    public String toString() {
        return NAME + "(max=" + ParameterSpec.format(max) + ")";
    }

    /**
     * Provides {@link ClipValue} under the name {@value ClipValue#NAME}, with the parameters declared
     * there. Example spec: {@code clip-value(max=5)}.
     */
    public static final class Provider extends DeclaredProvider<GradientTransform>
            implements GradientTransformProvider {

        /** Creates the provider; cheap, no work done. */
        public Provider() {
            super(ClipValue.NAME, "clamps every gradient component to [-max, max]",
                    ClipValue.PARAMETERS,
                    p -> new ClipValue(p.real(ClipValue.MAX.name())));
        }
    }
}
