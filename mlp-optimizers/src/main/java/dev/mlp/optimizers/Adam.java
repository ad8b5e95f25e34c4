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
 * Adam, adaptive moment estimation (Kingma and Ba, "Adam: A Method for Stochastic
 * Optimization", ICLR 2015, Algorithm 1), with bias correction. For step {@code t = 1, 2, ...}:
 * <pre>
 * m &lt;- beta1 * m + (1 - beta1) * g
 * v &lt;- beta2 * v + (1 - beta2) * g^2
 * mHat = m / (1 - beta1^t)
 * vHat = v / (1 - beta2^t)
 * w &lt;- w - lr * mHat / (sqrt(vHat) + epsilon)
 * </pre>
 * with {@code m} and {@code v} starting at 0. The bias correction makes the first step move each
 * parameter by {@code lr * g / (|g| + epsilon)}, i.e. about {@code lr * sign(g)}; in general each
 * step is at most about {@code lr} per parameter, whatever the scale of the gradient.
 * {@code epsilon} is added to {@code sqrt(vHat)}, as in the paper's Algorithm 1 (not inside the
 * square root).
 *
 * <p>{@link #start(ParameterLayout)} allocates the two moment vectors; nothing is allocated per
 * update.
 *
 * <p>Call order: {@link #start(ParameterLayout)} once per training run, then
 * {@link OptimizerState#update(double[][], double[][])} once per batch.
 *
 * @param lr the learning rate, {@code > 0} and finite
 * @param beta1 the decay rate of the first moment, in {@code [0, 1)}
 * @param beta2 the decay rate of the second moment, in {@code [0, 1)}
 * @param epsilon the denominator offset, {@code > 0} and finite
 */
public record Adam(double lr, double beta1, double beta2, double epsilon) implements Optimizer {

    /** The registered name. */
    public static final String NAME = "adam";

    /** The learning rate (step size alpha of the paper): real {@code > 0}. */
    public static final ParameterSpec LR =
            ParameterSpec.real("lr", 0.001, "learning rate (step size)").above(0);

    /** The decay rate of the first moment: real in {@code [0, 1)}. */
    public static final ParameterSpec BETA1 =
            ParameterSpec.real("beta1", 0.9, "decay rate of the gradient mean").atLeast(0)
                    .below(1);

    /** The decay rate of the second moment: real in {@code [0, 1)}. */
    public static final ParameterSpec BETA2 =
            ParameterSpec.real("beta2", 0.999, "decay rate of the squared-gradient mean")
                    .atLeast(0).below(1);

    /** The denominator offset: real {@code > 0}. */
    public static final ParameterSpec EPSILON =
            ParameterSpec.real("epsilon", 1e-8, "added to sqrt(vHat) against division by 0")
                    .above(0);

    /** The parameters in the order of the canonical spec, as the provider declares them. */
    public static final List<ParameterSpec> PARAMETERS = List.of(LR, BETA1, BETA2, EPSILON);

    /**
     * Checks every value against its declaration.
     *
     * @throws dev.mlp.api.spec.SpecException (an {@link IllegalArgumentException}) if a value is
     *         out of range
     */
    public Adam {
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
     *         {@code adam(lr=0.001, beta1=0.9, beta2=0.999, epsilon=1.0E-8)}
     */
    @Override
    public String toString() {
        return Hyperparameters.spec(NAME, PARAMETERS, lr, beta1, beta2, epsilon);
    }

    /**
     * The run state: the two moment estimates per parameter, saved as {@code m.<block>} and
     * {@code v.<block>}.
     */
    private static final class State extends ElementwiseOptimizerState {

        private final double beta1;
        private final double beta2;
        private final double epsilon;
        private final double[][] m;
        private final double[][] v;

        /** {@code 1 - beta1^t} of the step being applied. */
        private double correction1;
        /** {@code 1 - beta2^t} of the step being applied. */
        private double correction2;

        State(Adam config, ParameterLayout layout) {
            super(NAME, layout, config.lr);
            this.beta1 = config.beta1;
            this.beta2 = config.beta2;
            this.epsilon = config.epsilon;
            this.m = perBlock("m");
            this.v = perBlock("v");
        }

        @Override
        protected void prepare() {
            // 1 - beta^t: pow is exact enough and, unlike a running product, independent of
            // history
            correction1 = 1.0 - Math.pow(beta1, stepNumber());
            correction2 = 1.0 - Math.pow(beta2, stepNumber());
        }

        @Override
        protected void apply(int block, double[] w, double[] g, int from, int to) {
            double lr = stepRate();
            double c1 = correction1;
            double c2 = correction2;
            double[] mb = m[block];
            double[] vb = v[block];
            for (int i = from; i < to; i++) {
                double gi = g[i];
                double mi = beta1 * mb[i] + (1.0 - beta1) * gi;
                double vi = beta2 * vb[i] + (1.0 - beta2) * gi * gi;
                mb[i] = mi;
                vb[i] = vi;
                double mHat = mi / c1;
                double vHat = vi / c2;
                w[i] -= lr * mHat / (Math.sqrt(vHat) + epsilon);
            }
        }
    }

    /**
     * Provides {@link Adam} under the name {@value Adam#NAME}, with the parameters declared there.
     * Example spec: {@code adam(lr=0.001, beta1=0.9)}.
     */
    public static final class Provider extends DeclaredProvider<Optimizer>
            implements OptimizerProvider {

        /** Creates the provider; cheap, no work done. */
        public Provider() {
            super(Adam.NAME, "Adam (Kingma and Ba 2015), bias-corrected adaptive moments",
                    Adam.PARAMETERS,
                    p -> new Adam(p.real(Adam.LR.name()), p.real(Adam.BETA1.name()),
                            p.real(Adam.BETA2.name()), p.real(Adam.EPSILON.name())));
        }
    }
}
