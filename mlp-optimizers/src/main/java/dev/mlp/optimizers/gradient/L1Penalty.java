package dev.mlp.optimizers.gradient;

import dev.mlp.api.GradientTransform;
import dev.mlp.api.ParameterLayout;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spi.DeclaredProvider;
import dev.mlp.api.spi.GradientTransformProvider;
import java.util.List;

/**
 * An L1 (lasso) penalty on the weights: adds
 * <pre>
 * P(w) = lambda * sum |w_i|                  over the WEIGHTS blocks
 * g_i &lt;- g_i + lambda * sign(w_i)           (the derivative of P; 0 at w_i = 0)
 * </pre>
 * to the batch's mean loss and its gradient. Biases are not penalized. At {@code w_i = 0}, where
 * {@code |w|} has no derivative, the subgradient 0 is used (as PyTorch's {@code sign} and Keras'
 * {@code L1} regularizer do). The penalty is added to the batch's <em>mean</em> loss, so its
 * strength does not depend on the batch size (Keras' {@code L1(l1=lambda)} does the same;
 * scikit-learn has no L1 for its MLPs). A NaN weight gives a NaN gradient.
 */
public record L1Penalty(double lambda) implements GradientTransform {

    /** The registered name. */
    public static final String NAME = "l1";

    /** The penalty strength: real {@code >= 0}, default 1e-4. */
    public static final ParameterSpec LAMBDA =
            ParameterSpec.real("lambda", 1e-4, "strength of the penalty lambda * sum |w|")
                    .atLeast(0);

    /** The parameters in the order of the canonical spec, as the provider declares them. */
    public static final List<ParameterSpec> PARAMETERS = List.of(LAMBDA);

    /**
     * @param lambda the penalty strength, {@code >= 0} and finite
     * @throws dev.mlp.api.spec.SpecException (an {@link IllegalArgumentException}) if not
     */
    public L1Penalty {
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
                sum += Math.abs(wi);
                g[i] += lambda * Math.signum(wi);
            }
        }
        return lambda * sum;
    }

    /**
     * @return the canonical spec, for example {@code l1(lambda=1.0E-4)}
     */
    @Override
    public String toString() {
        return NAME + "(lambda=" + ParameterSpec.format(lambda) + ")";
    }

    /**
     * Provides {@link L1Penalty} under the name {@value L1Penalty#NAME}, with the parameters declared
     * there.
     */
    public static final class Provider extends DeclaredProvider<GradientTransform>
            implements GradientTransformProvider {

        /** Creates the provider; cheap, no work done. */
        public Provider() {
            super(L1Penalty.NAME, "L1 penalty lambda * sum |w| on the weights (not biases)",
                    L1Penalty.PARAMETERS,
                    p -> new L1Penalty(p.real(L1Penalty.LAMBDA.name())));
        }
    }
}
