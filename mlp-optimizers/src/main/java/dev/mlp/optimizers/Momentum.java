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
 * Gradient descent with classical (heavy-ball) momentum (Polyak, 1964; in the form of Sutskever
 * et al., "On the importance of initialization and momentum in deep learning", ICML 2013, eq. 1
 * and 2):
 * <pre>
 * v &lt;- mu * v - lr * g
 * w &lt;- w + v
 * </pre>
 * with the velocity {@code v} starting at 0, so the first step equals the {@link Sgd} step.
 * Under a constant gradient the step tends to {@code lr / (1 - mu)} times the sgd step.
 *
 * <p>{@link #start(ParameterLayout)} allocates one velocity per parameter; nothing is allocated
 * per update.
 *
 * <p>Call order: {@link #start(ParameterLayout)} once per training run, then
 * {@link OptimizerState#update(double[][], double[][])} once per batch.
 *
 * @param lr the learning rate, {@code > 0} and finite
 * @param mu the momentum coefficient, in {@code [0, 1)}; {@code 0} gives {@link Sgd}
 */
public record Momentum(double lr, double mu) implements Optimizer {

    /** The registered name. */
    public static final String NAME = "momentum";

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
    public Momentum {
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
     * @return the canonical spec, for example {@code momentum(lr=0.01, mu=0.9)}
     */
    @Override
    public String toString() {
        return Hyperparameters.spec(NAME, PARAMETERS, lr, mu);
    }

    /** The run state: one velocity per parameter, saved as {@code v.<block>}. */
    private static final class State extends ElementwiseOptimizerState {

        private final double mu;
        private final double[][] velocity;

        State(Momentum config, ParameterLayout layout) {
            super(NAME, layout, config.lr);
            this.mu = config.mu;
            this.velocity = perBlock("v");
        }

        @Override
        protected void apply(int block, double[] w, double[] g, int from, int to) {
            double lr = stepRate();
            double[] v = velocity[block];
            for (int i = from; i < to; i++) {
                double vi = mu * v[i] - lr * g[i];
                v[i] = vi;
                w[i] += vi;
            }
        }
    }

    /**
     * Provides {@link Momentum} under the name {@value Momentum#NAME}, with the parameters declared
     * there. Example spec: {@code momentum(lr=0.01, mu=0.9)}.
     */
    public static final class Provider extends DeclaredProvider<Optimizer>
            implements OptimizerProvider {

        /** Creates the provider; cheap, no work done. */
        public Provider() {
            super(Momentum.NAME, "classical momentum v <- mu * v - lr * g; w <- w + v",
                    Momentum.PARAMETERS,
                    p -> new Momentum(p.real(Momentum.LR.name()), p.real(Momentum.MU.name())));
        }
    }
}
