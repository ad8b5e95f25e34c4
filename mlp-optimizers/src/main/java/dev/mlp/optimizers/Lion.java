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
 * Lion, EvoLved Sign Momentum (Chen et al., "Symbolic Discovery of Optimization Algorithms",
 * NeurIPS 2023, Algorithm 2), with the paper's decoupled weight decay. For every step:
 * <pre>
 * c = beta1 * m + (1 - beta1) * g
 * w &lt;- w - lr * (sign(c) + decay * w)       (WEIGHTS blocks)
 * w &lt;- w - lr * sign(c)                     (BIASES blocks)
 * m &lt;- beta2 * m + (1 - beta2) * g
 * </pre>
 * with the momentum {@code m} starting at 0 and {@code sign(0) = 0}. Every parameter moves by
 * exactly {@code lr} (plus the decay) per step whatever the size of its gradient, so Lion wants a
 * learning rate 3 to 10 times smaller than AdamW's (the paper's advice; the default here is
 * {@code 1e-4}, the paper's and {@code lion-pytorch}'s) and, to keep the same effective decay
 * {@code lr * decay}, a decay correspondingly larger. The direction interpolates the momentum and
 * the gradient with {@code beta1}, while the momentum itself decays with the slower
 * {@code beta2}. As in {@link AdamW} only weight blocks decay: biases are not regularized.
 *
 * <p>The state holds the momentum {@code m.<block>}.
 *
 * <p>Call order: {@link #start(ParameterLayout)} once per training run, then
 * {@link OptimizerState#update(double[][], double[][])} once per batch.
 *
 * @param lr the learning rate, {@code > 0} and finite
 * @param beta1 the weight of the momentum in the step's direction, in {@code [0, 1)}
 * @param beta2 the decay rate of the momentum, in {@code [0, 1)}
 * @param decay the decoupled weight decay per unit learning rate, applied to weight blocks only,
 *              {@code >= 0} and finite
 */
public record Lion(double lr, double beta1, double beta2, double decay) implements Optimizer {

    /** The registered name. */
    public static final String NAME = "lion";

    /** The learning rate: real {@code > 0}. */
    public static final ParameterSpec LR =
            ParameterSpec.real("lr", 1e-4,
                    "learning rate (the length of every sign step)").above(0);

    /** The weight of the momentum in the step direction: real in {@code [0, 1)}. */
    public static final ParameterSpec BETA1 =
            ParameterSpec.real("beta1", 0.9,
                    "weight of the momentum in the step direction").atLeast(0)
                    .below(1);

    /** The decay rate of the momentum: real in {@code [0, 1)}. */
    public static final ParameterSpec BETA2 =
            ParameterSpec.real("beta2", 0.99,
                    "decay rate of the momentum").atLeast(0)
                    .below(1);

    /** The weight decay: real {@code >= 0}. */
    public static final ParameterSpec DECAY =
            ParameterSpec.real("decay", 0.0,
                    "decoupled weight decay per unit learning rate").atLeast(0);

    /** The parameters in the order of the canonical spec, as the provider declares them. */
    public static final List<ParameterSpec> PARAMETERS = List.of(LR, BETA1, BETA2, DECAY);

    /**
     * Checks every value against its declaration.
     *
     * @throws dev.mlp.api.spec.SpecException (an {@link IllegalArgumentException}) if a value is
     *         out of range
     */
    public Lion {
        Hyperparameters.check(NAME, PARAMETERS, lr, beta1, beta2, decay);
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
     *         {@code lion(lr=1.0E-4, beta1=0.9, beta2=0.99, decay=0.0)}
     */
    @Override
    public String toString() {
        return Hyperparameters.spec(NAME, PARAMETERS, lr, beta1, beta2, decay);
    }

    /** The run state: the momentum per parameter ({@code m.<block>}) and which blocks decay. */
    private static final class State extends ElementwiseOptimizerState {

        private final double beta1;
        private final double beta2;
        private final double decay;
        private final boolean[] decays;
        private final double[][] m;

        State(Lion config, ParameterLayout layout) {
            super(NAME, layout, config.lr);
            this.beta1 = config.beta1;
            this.beta2 = config.beta2;
            this.decay = config.decay;
            this.decays = new boolean[layout.size()];
            for (int b = 0; b < decays.length; b++) {
                decays[b] = layout.block(b).kind() == ParameterLayout.Kind.WEIGHTS;
            }
            this.m = perBlock("m");
        }

        @Override
        protected void apply(int block, double[] w, double[] g, int from, int to) {
            double lr = stepRate();
            double d = decays[block] ? decay : 0.0;
            double[] mb = m[block];
            for (int i = from; i < to; i++) {
                double gi = g[i];
                double mi = mb[i];
                double c = beta1 * mi + (1.0 - beta1) * gi;
                w[i] -= lr * (Math.signum(c) + d * w[i]);
                mb[i] = beta2 * mi + (1.0 - beta2) * gi;
            }
        }
    }

    /**
     * Provides {@link Lion} under the name {@value Lion#NAME}, with the parameters declared there.
     * Example spec: {@code lion(lr=3e-4, decay=0.1)}.
     */
    public static final class Provider extends DeclaredProvider<Optimizer>
            implements OptimizerProvider {

        /** Creates the provider; cheap, no work done. */
        public Provider() {
            super(Lion.NAME, "Lion (Chen et al. 2023): sign of an interpolated momentum",
                    Lion.PARAMETERS,
                    p -> new Lion(p.real(Lion.LR.name()), p.real(Lion.BETA1.name()),
                            p.real(Lion.BETA2.name()), p.real(Lion.DECAY.name())));
        }
    }
}
