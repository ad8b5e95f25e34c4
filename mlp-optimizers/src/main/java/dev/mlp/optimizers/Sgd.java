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
 * Plain (stochastic) gradient descent: {@code w <- w - lr * g}, the update
 * {@code w_new = w_old - eta * dC/dw} of the seed documents (Robbins and Monro, 1951, for the
 * stochastic setting).
 *
 * <p>Whether the step is stochastic, mini-batch or full-batch depends only on the batch strategy
 * that produced {@code g}. The state holds nothing but the step count.
 *
 * <p>Call order: {@link #start(ParameterLayout)} once per training run, then
 * {@link OptimizerState#update(double[][], double[][])} once per batch.
 *
 * @param lr the learning rate, {@code > 0} and finite
 */
public record Sgd(double lr) implements Optimizer {

    /** The registered name. */
    public static final String NAME = "sgd";

    /** The learning rate: real {@code > 0}. */
    public static final ParameterSpec LR =
            ParameterSpec.real("lr", 0.01, "learning rate").above(0);

    /** The parameters in the order of the canonical spec, as the provider declares them. */
    public static final List<ParameterSpec> PARAMETERS = List.of(LR);

    /**
     * Checks every value against its declaration.
     *
     * @throws dev.mlp.api.spec.SpecException (an {@link IllegalArgumentException}) if a value is
     *         out of range
     */
    public Sgd {
        Hyperparameters.check(NAME, PARAMETERS, lr);
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
     * @return the canonical spec, for example {@code sgd(lr=0.01)}
     */
    @Override
    public String toString() {
        return Hyperparameters.spec(NAME, PARAMETERS, lr);
    }

    /** The run state: the step count and the current learning rate. */
    private static final class State extends ElementwiseOptimizerState {

        State(Sgd config, ParameterLayout layout) {
            super(NAME, layout, config.lr);
        }

        @Override
        protected void apply(int block, double[] w, double[] g, int from, int to) {
            double lr = stepRate();
            for (int i = from; i < to; i++) {
                w[i] -= lr * g[i];
            }
        }
    }

    /**
     * Provides {@link Sgd} under the name {@value Sgd#NAME}, with the parameters declared there.
     * Example spec: {@code sgd(lr=0.1)}.
     */
    public static final class Provider extends DeclaredProvider<Optimizer>
            implements OptimizerProvider {

        /** Creates the provider; cheap, no work done. */
        public Provider() {
            super(Sgd.NAME, "gradient descent w <- w - lr * g",
                    Sgd.PARAMETERS,
                    p -> new Sgd(p.real(Sgd.LR.name())));
        }
    }
}
