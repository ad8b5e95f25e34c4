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
 * ADADELTA (Zeiler, "ADADELTA: An Adaptive Learning Rate Method", arXiv:1212.5701, 2012,
 * Algorithm 1), with a learning rate multiplying the update as in PyTorch and Keras:
 * <pre>
 * a &lt;- rho * a + (1 - rho) * g^2
 * d  = sqrt(u + epsilon) / sqrt(a + epsilon) * g
 * u &lt;- rho * u + (1 - rho) * d^2
 * w &lt;- w - lr * d
 * </pre>
 * with both accumulators {@code a} and {@code u} starting at 0; {@code u} accumulates the
 * unscaled update {@code d}, as in the paper, PyTorch and Keras. The defaults are the paper's
 * ({@code rho = 0.95, epsilon = 1e-6}, and {@code lr = 1}, i.e. none); PyTorch uses
 * {@code lr = 1, rho = 0.9, eps = 1e-6}, Keras {@code lr = 0.001, rho = 0.95, epsilon = 1e-7}.
 *
 * <p>The state holds the accumulated squared gradients {@code a.<block>} and squared updates
 * {@code u.<block>}.
 *
 * <p>Call order: {@link #start(ParameterLayout)} once per training run, then
 * {@link OptimizerState#update(double[][], double[][])} once per batch.
 *
 * @param lr the learning rate, {@code > 0} and finite
 * @param rho the decay rate of both accumulators, in {@code [0, 1)}
 * @param epsilon the offset inside both square roots, {@code > 0} and finite
 */
public record Adadelta(double lr, double rho, double epsilon) implements Optimizer {

    /** The registered name. */
    public static final String NAME = "adadelta";

    /** The learning rate: real {@code > 0}. */
    public static final ParameterSpec LR =
            ParameterSpec.real("lr", 1.0,
                    "learning rate").above(0);

    /** The decay rate of the accumulators: real in {@code [0, 1)}. */
    public static final ParameterSpec RHO =
            ParameterSpec.real("rho", 0.95,
                    "decay rate of both accumulators").atLeast(0)
                    .below(1);

    /** The offset inside the square roots: real {@code > 0}. */
    public static final ParameterSpec EPSILON =
            ParameterSpec.real("epsilon", 1e-6,
                    "added inside both square roots").above(0);

    /** The parameters in the order of the canonical spec, as the provider declares them. */
    public static final List<ParameterSpec> PARAMETERS = List.of(LR, RHO, EPSILON);

    /**
     * Checks every value against its declaration.
     *
     * @throws dev.mlp.api.spec.SpecException (an {@link IllegalArgumentException}) if a value is
     *         out of range
     */
    public Adadelta {
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
     * @return the canonical spec, for example {@code adadelta(lr=1.0, rho=0.95, epsilon=1.0E-6)}
     */
    @Override
    public String toString() {
        return Hyperparameters.spec(NAME, PARAMETERS, lr, rho, epsilon);
    }

    /**
     * The run state: the mean squared gradient ({@code a.<block>}) and the mean squared update
     * ({@code u.<block>}) per parameter.
     */
    private static final class State extends ElementwiseOptimizerState {

        private final double rho;
        private final double epsilon;
        private final double[][] a;
        private final double[][] u;

        State(Adadelta config, ParameterLayout layout) {
            super(NAME, layout, config.lr);
            this.rho = config.rho;
            this.epsilon = config.epsilon;
            this.a = perBlock("a");
            this.u = perBlock("u");
        }

        @Override
        protected void apply(int block, double[] w, double[] g, int from, int to) {
            double lr = stepRate();
            double[] ab = a[block];
            double[] ub = u[block];
            for (int i = from; i < to; i++) {
                double gi = g[i];
                double ai = rho * ab[i] + (1.0 - rho) * gi * gi;
                ab[i] = ai;
                double d = Math.sqrt(ub[i] + epsilon) / Math.sqrt(ai + epsilon) * gi;
                ub[i] = rho * ub[i] + (1.0 - rho) * d * d;
                w[i] -= lr * d;
            }
        }
    }

    /**
     * Provides {@link Adadelta} under the name {@value Adadelta#NAME}, with the parameters declared
     * there. Example spec: {@code adadelta(rho=0.95)}.
     */
    public static final class Provider extends DeclaredProvider<Optimizer>
            implements OptimizerProvider {

        /** Creates the provider; cheap, no work done. */
        public Provider() {
            super(Adadelta.NAME, "ADADELTA (Zeiler 2012), update scaled by lr",
                    Adadelta.PARAMETERS,
                    p -> new Adadelta(p.real(Adadelta.LR.name()), p.real(Adadelta.RHO.name()),
                            p.real(Adadelta.EPSILON.name())));
        }
    }
}
