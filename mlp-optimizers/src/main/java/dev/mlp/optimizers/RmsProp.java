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
 * RMSprop (Tieleman and Hinton, "Lecture 6.5 - rmsprop", COURSERA: Neural Networks for Machine
 * Learning, 2012):
 * <pre>
 * v &lt;- rho * v + (1 - rho) * g^2
 * w &lt;- w - lr * g / (sqrt(v) + epsilon)
 * </pre>
 * with {@code v} starting at 0 and no bias correction (so the first steps are larger than
 * {@code lr}: the first is {@code lr * g / (sqrt(1 - rho) |g| + epsilon)}, about
 * {@code 3.16 lr} for {@code rho = 0.9}). {@code epsilon} is added outside the square root as in
 * PyTorch's {@code RMSprop} (non-centered, no momentum); Keras adds it inside. The defaults
 * {@code lr = 0.001, rho = 0.9} are Keras' and the lecture's (PyTorch: {@code lr = 0.01,
 * alpha = 0.99}); {@code epsilon = 1e-8} is PyTorch's (Keras: {@code 1e-7}).
 *
 * <p>The state holds one mean square per parameter, saved as {@code v.<block>}.
 *
 * <p>Call order: {@link #start(ParameterLayout)} once per training run, then
 * {@link OptimizerState#update(double[][], double[][])} once per batch.
 *
 * @param lr the learning rate, {@code > 0} and finite
 * @param rho the decay rate, in {@code [0, 1)}
 * @param epsilon the denominator offset, {@code > 0} and finite
 */
public record RmsProp(double lr, double rho, double epsilon) implements Optimizer {

    /** The registered name. */
    public static final String NAME = "rmsprop";

    /** The learning rate: real {@code > 0}. */
    public static final ParameterSpec LR =
            ParameterSpec.real("lr", 0.001,
                    "learning rate").above(0);

    /** The decay rate of the mean square: real in {@code [0, 1)}. */
    public static final ParameterSpec RHO =
            ParameterSpec.real("rho", 0.9,
                    "decay rate of the squared-gradient mean").atLeast(0)
                    .below(1);

    /** The denominator offset: real {@code > 0}. */
    public static final ParameterSpec EPSILON =
            ParameterSpec.real("epsilon", 1e-8,
                    "added to sqrt(v) against division by 0").above(0);

    /** The parameters in the order of the canonical spec, as the provider declares them. */
    public static final List<ParameterSpec> PARAMETERS = List.of(LR, RHO, EPSILON);

    /**
     * Checks every value against its declaration.
     *
     * @throws dev.mlp.api.spec.SpecException (an {@link IllegalArgumentException}) if a value is
     *         out of range
     */
    public RmsProp {
        Hyperparameters.check(NAME, PARAMETERS, lr, rho, epsilon);
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
     * @return the canonical spec, for example {@code rmsprop(lr=0.001, rho=0.9, epsilon=1.0E-8)}
     */
    @Override
    public String toString() {
        return Hyperparameters.spec(NAME, PARAMETERS, lr, rho, epsilon);
    }

    /** The run state: the mean squared gradient per parameter, saved as {@code v.<block>}. */
    private static final class State extends ElementwiseOptimizerState {

        private final double rho;
        private final double epsilon;
        private final double[][] v;

        State(RmsProp config, ParameterLayout layout) {
            super(NAME, layout, config.lr);
            this.rho = config.rho;
            this.epsilon = config.epsilon;
            this.v = perBlock("v");
        }

        @Override
        protected void apply(int block, double[] w, double[] g, int from, int to) {
            double lr = stepRate();
            double[] vb = v[block];
            for (int i = from; i < to; i++) {
                double gi = g[i];
                double vi = rho * vb[i] + (1.0 - rho) * gi * gi;
                vb[i] = vi;
                w[i] -= lr * gi / (Math.sqrt(vi) + epsilon);
            }
        }
    }

    /**
     * Provides {@link RmsProp} under the name {@value RmsProp#NAME}, with the parameters declared
     * there. Example spec: {@code rmsprop(lr=0.001, rho=0.9)}.
     */
    public static final class Provider extends DeclaredProvider<Optimizer>
            implements OptimizerProvider {

        /** Creates the provider; cheap, no work done. */
        public Provider() {
            super(RmsProp.NAME, "RMSprop (Tieleman and Hinton 2012): w <- w - lr g / (sqrt(v) + eps)",
                    RmsProp.PARAMETERS,
                    p -> new RmsProp(p.real(RmsProp.LR.name()), p.real(RmsProp.RHO.name()),
                            p.real(RmsProp.EPSILON.name())));
        }
    }
}
