package dev.mlp.optimizers.gradient;

import dev.mlp.api.GradientTransform;
import dev.mlp.api.Norms;
import dev.mlp.api.ParameterLayout;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spi.DeclaredProvider;
import dev.mlp.api.spi.GradientTransformProvider;
import java.util.List;

/**
 * Clipping by the global norm (Pascanu, Mikolov and Bengio, "On the difficulty of training
 * recurrent neural networks", ICML 2013, Algorithm 1): with {@code ||g||} the Euclidean norm of
 * the whole gradient, over all blocks together,
 * <pre>
 * if ||g|| &gt; max:  g &lt;- g * max / ||g||
 * </pre>
 * so the direction is kept and the norm afterwards is {@code max} (to rounding). This is
 * PyTorch's {@code clip_grad_norm_} and Keras' {@code global_clipnorm}. The norm is computed
 * without overflow or underflow ({@link Norms}). A gradient with a non-finite component is left
 * as it is, so the divergence stays visible. Adds no penalty.
 */
public record ClipNorm(double max) implements GradientTransform {

    /** The registered name. */
    public static final String NAME = "clip-norm";

    /** The largest global norm: real {@code > 0}, default 1. */
    public static final ParameterSpec MAX =
            ParameterSpec.real("max", 1.0, "largest Euclidean norm of the whole gradient")
                    .above(0);

    /** The parameters in the order of the canonical spec, as the provider declares them. */
    public static final List<ParameterSpec> PARAMETERS = List.of(MAX);

    /**
     * @param max the largest global norm, {@code > 0} and finite
     * @throws dev.mlp.api.spec.SpecException (an {@link IllegalArgumentException}) if not
     */
    public ClipNorm {
        MAX.check(max, NAME);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double apply(ParameterLayout layout, double[][] parameters, double[][] gradients) {
        int[] sizes = layout.checkArrays(NAME, parameters, gradients);
        int[] all = Norms.all(sizes.length);
        double largest = Norms.maxAbs(sizes, gradients, all);
        if (largest == 0.0 || !Double.isFinite(largest)) {
            return 0.0;
        }
        // work in the power-of-two scaled space: ||s g|| neither overflows nor underflows
        double scale = Norms.scale(largest);
        double scaledNorm = Norms.scaledNorm(sizes, gradients, all, scale);
        if (scaledNorm / scale > max) {
            double factor = max / scaledNorm;
            for (int b = 0; b < sizes.length; b++) {
                double[] g = gradients[b];
                for (int i = 0, n = sizes[b]; i < n; i++) {
                    g[i] = (g[i] * scale) * factor;
                }
            }
        }
        return 0.0;
    }

    /**
     * @return the canonical spec, for example {@code clip-norm(max=1.0)}
     */
    @Override
    public String toString() {
        return NAME + "(max=" + ParameterSpec.format(max) + ")";
    }

    /**
     * Provides {@link ClipNorm} under the name {@value ClipNorm#NAME}, with the parameters declared
     * there. Example spec: {@code clip-norm(max=5)}.
     */
    public static final class Provider extends DeclaredProvider<GradientTransform>
            implements GradientTransformProvider {

        /** Creates the provider; cheap, no work done. */
        public Provider() {
            super(ClipNorm.NAME,
                    "scales the gradient down to norm max when its global L2 norm exceeds max",
                    ClipNorm.PARAMETERS,
                    p -> new ClipNorm(p.real(ClipNorm.MAX.name())));
        }
    }
}
