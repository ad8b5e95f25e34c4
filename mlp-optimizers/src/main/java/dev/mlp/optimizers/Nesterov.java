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
 * Gradient descent with Nesterov's accelerated momentum, in the form that needs only the
 * gradient at the current parameters (Bengio, Boulanger-Lewandowski and Pascanu, "Advances in
 * optimizing recurrent networks", ICASSP 2013, eq. 6 and 7; Sutskever et al., ICML 2013, sec.
 * 2.1, for the look-ahead form it rewrites):
 * <pre>
 * v &lt;- mu * v - lr * g
 * w &lt;- w + mu * v - lr * g
 * </pre>
 * with the velocity {@code v} (after its update) starting at 0. This is Keras'
 * {@code SGD(momentum=mu, nesterov=True)}; PyTorch's {@code SGD(nesterov=True)} keeps
 * {@code b = -v / lr} instead and gives the same steps while the learning rate is constant. The
 * first step is {@code (1 + mu)} times the {@link Sgd} step. Defaults: {@code lr = 0.01} (Keras'
 * default; PyTorch has none) and {@code mu = 0.9}.
 *
 * <p>Call order: {@link #start(ParameterLayout)} once per training run, then
 * {@link OptimizerState#update(double[][], double[][])} once per batch.
 *
 * @param lr the learning rate, {@code > 0} and finite
 * @param mu the momentum coefficient, in {@code [0, 1)}
 */
public record Nesterov(double lr, double mu) implements Optimizer {

    /** The registered name. */
    public static final String NAME = "nesterov";

    /** The learning rate: real {@code > 0}. */
    public static final ParameterSpec LR =
            ParameterSpec.real("lr", 0.01, "learning rate").above(0);

    /** The momentum coefficient: real in {@code [0, 1)}. */
    public static final ParameterSpec MU =
            ParameterSpec.real("mu", 0.9, "momentum coefficient (velocity decay)").atLeast(0)
                    .below(1);

    /** The parameters in the order of the canonical spec, as the provider declares them. */
    public static final List<ParameterSpec> PARAMETERS = List.of(LR, MU);

    /**
     * Checks every value against its declaration.
     *
     * @throws dev.mlp.api.spec.SpecException (an {@link IllegalArgumentException}) if a value is
     *         out of range
     */
    public Nesterov {
        Hyperparameters.check(NAME, PARAMETERS, lr, mu);
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
     * @return the canonical spec, for example {@code nesterov(lr=0.01, mu=0.9)}
     */
    @Override
    public String toString() {
        return Hyperparameters.spec(NAME, PARAMETERS, lr, mu);
    }

    /** The run state: one velocity per parameter, saved as {@code v.<block>}. */
    private static final class State extends ElementwiseOptimizerState {

        private final double mu;
        private final double[][] velocity;

        State(Nesterov config, ParameterLayout layout) {
            super(NAME, layout, config.lr);
            this.mu = config.mu;
            this.velocity = perBlock("v");
        }

        @Override
        protected void apply(int block, double[] w, double[] g, int from, int to) {
            double lr = stepRate();
            double[] v = velocity[block];
            for (int i = from; i < to; i++) {
                double step = lr * g[i];
                double vi = mu * v[i] - step;
                v[i] = vi;
                w[i] += mu * vi - step;
            }
        }
    }

    /**
     * Provides {@link Nesterov} under the name {@value Nesterov#NAME}, with the parameters declared
     * there. Example spec: {@code nesterov(lr=0.01, mu=0.9)}.
     */
    public static final class Provider extends DeclaredProvider<Optimizer>
            implements OptimizerProvider {

        /** Creates the provider; cheap, no work done. */
        public Provider() {
            super(Nesterov.NAME, "Nesterov momentum v <- mu * v - lr * g; w <- w + mu * v - lr * g",
                    Nesterov.PARAMETERS,
                    p -> new Nesterov(p.real(Nesterov.LR.name()), p.real(Nesterov.MU.name())));
        }
    }
}
