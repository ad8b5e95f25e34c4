package dev.mlp.optimizers.gradient;

import dev.mlp.api.GradientTransform;
import dev.mlp.api.ParameterLayout;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spi.DeclaredProvider;
import dev.mlp.api.spi.GradientTransformProvider;
import java.util.List;

/**
 * An L2 (ridge, weight decay) penalty on the weights: adds
 * <pre>
 * P(w) = (lambda / 2) * sum w_i^2            over the WEIGHTS blocks
 * g_i &lt;- g_i + lambda * w_i                 (the derivative of P)
 * </pre>
 * to the batch's mean loss and its gradient. Biases are not penalized. The gradient term is
 * PyTorch's {@code weight_decay=lambda} for plain SGD; Keras' {@code L2(l2)} penalizes
 * {@code l2 * sum w^2} (no one half), i.e. {@code lambda = 2 * l2}; scikit-learn's {@code alpha}
 * adds {@code (alpha / 2) * sum w^2} divided by the batch size, i.e.
 * {@code lambda = alpha / batchSize}. The penalty is added to the batch's <em>mean</em> loss,
 * so its strength does not depend on the batch size. For adaptive optimizers (Adam...) an L2
 * penalty is not the same as decoupled weight decay; see {@code adamw}.
 */
public record L2Penalty(double lambda) implements GradientTransform {

    /** The registered name. */
    public static final String NAME = "l2";

    /** The penalty strength: real {@code >= 0}, default 1e-4. */
    public static final ParameterSpec LAMBDA =
            ParameterSpec.real("lambda", 1e-4, "strength of the penalty (lambda / 2) * sum w^2")
                    .atLeast(0);

    /** The parameters in the order of the canonical spec, as the provider declares them. */
    public static final List<ParameterSpec> PARAMETERS = List.of(LAMBDA);

    /**
     * @param lambda the penalty strength, {@code >= 0} and finite
     * @throws dev.mlp.api.spec.SpecException (an {@link IllegalArgumentException}) if not
     */
    public L2Penalty {
        LAMBDA.check(lambda, NAME);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double apply(ParameterLayout layout, double[][] parameters, double[][] gradients) {
        int[] sizes = layout.checkArrays(NAME, parameters, gradients);
        double sum = 0.0;
        for (int b = 0; b < sizes.length; b++) {
            if (layout.block(b).kind() != ParameterLayout.Kind.WEIGHTS) {
                continue;
            }
            double[] w = parameters[b];
            double[] g = gradients[b];
            for (int i = 0, n = sizes[b]; i < n; i++) {
                double wi = w[i];
                sum += wi * wi;
                g[i] += lambda * wi;
            }
        }
        return lambda / 2.0 * sum;
    }

    /**
     * @return the canonical spec, for example {@code l2(lambda=1.0E-4)}
     */
    @Override
    public String toString() {
        return NAME + "(lambda=" + ParameterSpec.format(lambda) + ")";
    }

    /**
     * Provides {@link L2Penalty} under the name {@value L2Penalty#NAME}, with the parameters declared
     * there.
     */
    public static final class Provider extends DeclaredProvider<GradientTransform>
            implements GradientTransformProvider {

        /** Creates the provider; cheap, no work done. */
        public Provider() {
            super(L2Penalty.NAME, "L2 penalty (lambda / 2) * sum w^2 on the weights (not biases)",
                    L2Penalty.PARAMETERS,
                    p -> new L2Penalty(p.real(L2Penalty.LAMBDA.name())));
        }
    }
}
