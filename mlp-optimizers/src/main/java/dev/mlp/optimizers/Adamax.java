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
 * AdaMax, Adam with the infinity norm (Kingma and Ba, "Adam: A Method for Stochastic
 * Optimization", ICLR 2015, Algorithm 2), with {@code epsilon} as in PyTorch's {@code Adamax}.
 * For step {@code t = 1, 2, ...}:
 * <pre>
 * m &lt;- beta1 * m + (1 - beta1) * g
 * u &lt;- max(beta2 * u, |g| + epsilon)
 * w &lt;- w - (lr / (1 - beta1^t)) * m / u
 * </pre>
 * with {@code m} and {@code u} starting at 0. The first step is {@code lr * g / (|g| + epsilon)},
 * about {@code lr * sign(g)}. Keras adds {@code epsilon} to {@code u} in the step instead. The
 * defaults are the paper's and PyTorch's ({@code lr = 0.002, beta1 = 0.9, beta2 = 0.999,
 * eps = 1e-8}); Keras uses {@code lr = 0.001, epsilon = 1e-7}.
 *
 * <p>The state holds {@code m.<block>} and the infinity-norm estimates {@code u.<block>}.
 *
 * <p>Call order: {@link #start(ParameterLayout)} once per training run, then
 * {@link OptimizerState#update(double[][], double[][])} once per batch.
 *
 * @param lr the learning rate, {@code > 0} and finite
 * @param beta1 the decay rate of the first moment, in {@code [0, 1)}
 * @param beta2 the decay rate of the infinity norm, in {@code [0, 1)}
 * @param epsilon the denominator offset, {@code > 0} and finite
 */
public record Adamax(double lr, double beta1, double beta2, double epsilon) implements Optimizer {

    /** The registered name. */
    public static final String NAME = "adamax";

    /** The learning rate: real {@code > 0}. */
    public static final ParameterSpec LR =
            ParameterSpec.real("lr", 0.002,
                    "learning rate").above(0);

    /** The decay rate of the first moment: real in {@code [0, 1)}. */
    public static final ParameterSpec BETA1 =
            ParameterSpec.real("beta1", 0.9,
                    "decay rate of the gradient mean").atLeast(0)
                    .below(1);

    /** The decay rate of the second moment: real in {@code [0, 1)}. */
    public static final ParameterSpec BETA2 =
            ParameterSpec.real("beta2", 0.999,
                    "decay rate of the squared-gradient mean").atLeast(0)
                    .below(1);

    /** The denominator offset: real {@code > 0}. */
    public static final ParameterSpec EPSILON =
            ParameterSpec.real("epsilon", 1e-8,
                    "added to the denominator against division by 0").above(0);

    /** The parameters in the order of the canonical spec, as the provider declares them. */
    public static final List<ParameterSpec> PARAMETERS = List.of(LR, BETA1, BETA2, EPSILON);

    /**
     * Checks every value against its declaration.
     *
     * @throws dev.mlp.api.spec.SpecException (an {@link IllegalArgumentException}) if a value is
     *         out of range
     */
    public Adamax {
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
     *         {@code adamax(lr=0.002, beta1=0.9, beta2=0.999, epsilon=1.0E-8)}
     */
    @Override
    public String toString() {
        return Hyperparameters.spec(NAME, PARAMETERS, lr, beta1, beta2, epsilon);
    }

    /**
     * The run state: the first moment ({@code m.<block>}) and the exponentially weighted
     * infinity norm ({@code u.<block>}) per parameter.
     */
    private static final class State extends ElementwiseOptimizerState {

        private final double beta1;
        private final double beta2;
        private final double epsilon;
        private final double[][] m;
        private final double[][] u;

        /** {@code lr / (1 - beta1^t)} of the step being applied. */
        private double scaledRate;

        State(Adamax config, ParameterLayout layout) {
            super(NAME, layout, config.lr);
            this.beta1 = config.beta1;
            this.beta2 = config.beta2;
            this.epsilon = config.epsilon;
            this.m = perBlock("m");
            this.u = perBlock("u");
        }

        @Override
        protected void prepare() {
            scaledRate = stepRate() / (1.0 - Math.pow(beta1, stepNumber()));
        }

        @Override
        protected void apply(int block, double[] w, double[] g, int from, int to) {
            double r = scaledRate;
            double[] mb = m[block];
            double[] ub = u[block];
            for (int i = from; i < to; i++) {
                double gi = g[i];
                double mi = beta1 * mb[i] + (1.0 - beta1) * gi;
                double ui = Math.max(beta2 * ub[i], Math.abs(gi) + epsilon);
                mb[i] = mi;
                ub[i] = ui;
                w[i] -= r * mi / ui;
            }
        }
    }

    /**
     * Provides {@link Adamax} under the name {@value Adamax#NAME}, with the parameters declared there.
     * Example spec: {@code adamax(lr=0.002)}.
     */
    public static final class Provider extends DeclaredProvider<Optimizer>
            implements OptimizerProvider {

        /** Creates the provider; cheap, no work done. */
        public Provider() {
            super(Adamax.NAME, "AdaMax (Kingma and Ba 2015): Adam with the infinity norm",
                    Adamax.PARAMETERS,
                    p -> new Adamax(p.real(Adamax.LR.name()), p.real(Adamax.BETA1.name()),
                            p.real(Adamax.BETA2.name()), p.real(Adamax.EPSILON.name())));
        }
    }
}
