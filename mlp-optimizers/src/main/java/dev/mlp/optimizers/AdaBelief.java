package dev.mlp.optimizers;

import dev.mlp.api.ElementwiseOptimizerState;
import dev.mlp.api.Optimizer;
import dev.mlp.api.OptimizerState;
import dev.mlp.api.ParameterLayout;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spi.DeclaredProvider;
import dev.mlp.api.spi.Hyperparameters;
import dev.mlp.api.spi.OptimizerProvider;
import java.util.List;

/**
 * AdaBelief (Zhuang et al., "AdaBelief Optimizer: Adapting Stepsizes by the Belief in Observed
 * Gradients", NeurIPS 2020, Algorithm 2): Adam whose second moment is the variance of the
 * gradient around its running mean, the "belief" in the gradient, instead of its raw square. For
 * step {@code t = 1, 2, ...}:
 * <pre>
 * m &lt;- beta1 * m + (1 - beta1) * g
 * s &lt;- beta2 * s + (1 - beta2) * (g - m)^2 + epsilon
 * mHat = m / (1 - beta1^t)
 * sHat = s / (1 - beta2^t)
 * w &lt;- w - lr * mHat / (sqrt(sHat) + epsilon)
 * </pre>
 * with {@code m} and {@code s} starting at 0; {@code (g - m)} uses the new {@code m}, and
 * {@code epsilon} is added both to {@code s} and to its square root, as in the paper. When the
 * gradient agrees with its mean ({@code s} small) the step is large; when it jumps around, small.
 * The default {@code epsilon = 1e-16} is that of the authors' {@code adabelief-pytorch} 0.2
 * (which also offers rectification and decoupled decay, not taken here).
 *
 * <p>Registered as {@code adam-belief}: Adam with the belief in place of the second moment.
 *
 * <p>The state holds the moments {@code m.<block>} and {@code s.<block>}.
 *
 * <p>Call order: {@link #start(ParameterLayout)} once per training run, then
 * {@link OptimizerState#update(double[][], double[][])} once per batch.
 *
 * @param lr the learning rate, {@code > 0} and finite
 * @param beta1 the decay rate of the first moment, in {@code [0, 1)}
 * @param beta2 the decay rate of the belief, in {@code [0, 1)}
 * @param epsilon the offset added to the belief and to its square root, {@code > 0} and finite
 */
public record AdaBelief(double lr, double beta1, double beta2, double epsilon)
        implements Optimizer {

    /** The registered name. */
    public static final String NAME = "adam-belief";

    /** The learning rate: real {@code > 0}. */
    public static final ParameterSpec LR =
            ParameterSpec.real("lr", 0.001,
                    "learning rate").above(0);

    /** The decay rate of the first moment: real in {@code [0, 1)}. */
    public static final ParameterSpec BETA1 =
            ParameterSpec.real("beta1", 0.9,
                    "decay rate of the gradient mean").atLeast(0)
                    .below(1);

    /** The decay rate of the belief: real in {@code [0, 1)}. */
    public static final ParameterSpec BETA2 =
            ParameterSpec.real("beta2", 0.999,
                    "decay rate of the mean squared deviation (g - m)^2").atLeast(0)
                    .below(1);

    /** The offset: real {@code > 0}. */
    public static final ParameterSpec EPSILON =
            ParameterSpec.real("epsilon", 1e-16,
                    "added to the belief and to its square root").above(0);

    /** The parameters in the order of the canonical spec, as the provider declares them. */
    public static final List<ParameterSpec> PARAMETERS = List.of(LR, BETA1, BETA2, EPSILON);

    /**
     * Checks every value against its declaration.
     *
     * @throws dev.mlp.api.spec.SpecException (an {@link IllegalArgumentException}) if a value is
     *         out of range
     */
    public AdaBelief {
        Hyperparameters.check(NAME, PARAMETERS, lr, beta1, beta2, epsilon);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public OptimizerState start(ParameterLayout layout) {
        return new State(this, layout);
    }

    /**
     * @return the canonical spec, for example
     *         {@code adam-belief(lr=0.001, beta1=0.9, beta2=0.999, epsilon=1.0E-16)}
     */
    @Override
    public String toString() {
        return Hyperparameters.spec(NAME, PARAMETERS, lr, beta1, beta2, epsilon);
    }

    /**
     * The run state: the gradient mean and the belief per parameter, saved as {@code m.<block>}
     * and {@code s.<block>}.
     */
    private static final class State extends ElementwiseOptimizerState {

        private final double beta1;
        private final double beta2;
        private final double epsilon;
        private final double[][] m;
        private final double[][] s;

        /** {@code 1 - beta1^t} of the step being applied. */
        private double correction1;
        /** {@code 1 - beta2^t} of the step being applied. */
        private double correction2;

        State(AdaBelief config, ParameterLayout layout) {
            super(NAME, layout, config.lr);
            this.beta1 = config.beta1;
            this.beta2 = config.beta2;
            this.epsilon = config.epsilon;
            this.m = perBlock("m");
            this.s = perBlock("s");
        }

        @Override
        protected void prepare() {
            correction1 = 1.0 - Math.pow(beta1, stepNumber());
            correction2 = 1.0 - Math.pow(beta2, stepNumber());
        }

        @Override
        protected void apply(int block, double[] w, double[] g, int from, int to) {
            double lr = stepRate();
            double c1 = correction1;
            double c2 = correction2;
            double[] mb = m[block];
            double[] sb = s[block];
            for (int i = from; i < to; i++) {
                double gi = g[i];
                double mi = beta1 * mb[i] + (1.0 - beta1) * gi;
                double d = gi - mi;
                double si = beta2 * sb[i] + (1.0 - beta2) * d * d + epsilon;
                mb[i] = mi;
                sb[i] = si;
                w[i] -= lr * (mi / c1) / (Math.sqrt(si / c2) + epsilon);
            }
        }
    }

    /**
     * Provides {@link AdaBelief} under the name {@value AdaBelief#NAME}, with the parameters
     * declared there. Example spec: {@code adam-belief(lr=0.001, epsilon=1e-12)}.
     */
    public static final class Provider extends DeclaredProvider<Optimizer>
            implements OptimizerProvider {

        /** Creates the provider; cheap, no work done. */
        public Provider() {
            super(AdaBelief.NAME, "AdaBelief (Zhuang et al. 2020): "
                    + "Adam scaled by the gradient's deviation from its mean", AdaBelief.PARAMETERS,
                    p -> new AdaBelief(p.real(AdaBelief.LR.name()),
                            p.real(AdaBelief.BETA1.name()), p.real(AdaBelief.BETA2.name()),
                            p.real(AdaBelief.EPSILON.name())));
        }
    }
}
