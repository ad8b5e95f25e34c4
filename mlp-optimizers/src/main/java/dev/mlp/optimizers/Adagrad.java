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
 * AdaGrad (Duchi, Hazan and Singer, "Adaptive Subgradient Methods for Online Learning and
 * Stochastic Optimization", JMLR 12, 2011), in its diagonal form:
 * <pre>
 * s &lt;- s + g^2
 * w &lt;- w - lr * g / (sqrt(s) + epsilon)
 * </pre>
 * with the accumulator {@code s} starting at 0, so the first step is about {@code lr * sign(g)}
 * and later steps shrink as squared gradients accumulate. This is PyTorch's {@code Adagrad}
 * (with {@code lr_decay = 0} and {@code initial_accumulator_value = 0}), whose defaults
 * {@code lr = 0.01, eps = 1e-10} are taken; Keras' {@code Adagrad} starts {@code s} at 0.1 and
 * defaults to {@code lr = 0.001, epsilon = 1e-7}.
 *
 * <p>The state holds one accumulator per parameter, saved as {@code s.<block>}.
 *
 * <p>Call order: {@link #start(ParameterLayout)} once per training run, then
 * {@link OptimizerState#update(double[][], double[][])} once per batch.
 *
 * @param lr the learning rate, {@code > 0} and finite
 * @param epsilon the denominator offset, {@code > 0} and finite
 */
public record Adagrad(double lr, double epsilon) implements Optimizer {

    /** The registered name. */
    public static final String NAME = "adagrad";

    /** The learning rate: real {@code > 0}. */
    public static final ParameterSpec LR =
            ParameterSpec.real("lr", 0.01,
                    "learning rate").above(0);

    /** The denominator offset: real {@code > 0}. */
    public static final ParameterSpec EPSILON =
            ParameterSpec.real("epsilon", 1e-10,
                    "added to sqrt(s) against division by 0").above(0);

    /** The parameters in the order of the canonical spec, as the provider declares them. */
    public static final List<ParameterSpec> PARAMETERS = List.of(LR, EPSILON);

    /**
     * Checks every value against its declaration.
     *
     * @throws dev.mlp.api.spec.SpecException (an {@link IllegalArgumentException}) if a value is
     *         out of range
     */
    public Adagrad {
        Hyperparameters.check(NAME, PARAMETERS, lr, epsilon);
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
     * @return the canonical spec, for example {@code adagrad(lr=0.01, epsilon=1.0E-10)}
     */
    @Override
    public String toString() {
        return Hyperparameters.spec(NAME, PARAMETERS, lr, epsilon);
    }

    /** The run state: the sum of squared gradients per parameter, saved as {@code s.<block>}. */
    private static final class State extends ElementwiseOptimizerState {

        private final double epsilon;
        private final double[][] sum;

        State(Adagrad config, ParameterLayout layout) {
            super(NAME, layout, config.lr);
            this.epsilon = config.epsilon;
            this.sum = perBlock("s");
        }

        @Override
        protected void apply(int block, double[] w, double[] g, int from, int to) {
            double lr = stepRate();
            double[] s = sum[block];
            for (int i = from; i < to; i++) {
                double gi = g[i];
                double si = s[i] + gi * gi;
                s[i] = si;
                w[i] -= lr * gi / (Math.sqrt(si) + epsilon);
            }
        }
    }

    /**
     * Provides {@link Adagrad} under the name {@value Adagrad#NAME}, with the parameters declared
     * there.
     */
    public static final class Provider extends DeclaredProvider<Optimizer>
            implements OptimizerProvider {

        /** Creates the provider; cheap, no work done. */
        public Provider() {
            super(Adagrad.NAME, "AdaGrad (Duchi et al. 2011): w <- w - lr g / (sqrt(sum g^2) + eps)",
                    Adagrad.PARAMETERS,
                    p -> new Adagrad(p.real(Adagrad.LR.name()), p.real(Adagrad.EPSILON.name())));
        }
    }
}
