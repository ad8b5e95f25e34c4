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
 * AdamW, Adam with decoupled weight decay (Loshchilov and Hutter, "Decoupled Weight Decay
 * Regularization", ICLR 2019, Algorithm 2), in PyTorch's form, where the decay is multiplied by
 * the learning rate. For step {@code t = 1, 2, ...}:
 * <pre>
 * m &lt;- beta1 * m + (1 - beta1) * g
 * v &lt;- beta2 * v + (1 - beta2) * g^2
 * mHat = m / (1 - beta1^t)
 * vHat = v / (1 - beta2^t)
 * w &lt;- w * (1 - lr * decay) - lr * mHat / (sqrt(vHat) + epsilon)     (WEIGHTS blocks)
 * w &lt;- w - lr * mHat / (sqrt(vHat) + epsilon)                        (BIASES blocks)
 * </pre>
 * The decay shrinks the weights directly instead of being added to the gradient (where Adam's
 * scaling would weaken it for parameters with large gradients), and only
 * {@link dev.mlp.api.ParameterLayout.Kind#WEIGHTS weight} blocks decay: biases are not
 * regularized. With {@code decay = 0} this is {@link Adam}. When a schedule changes the
 * learning rate the decay per step changes with it (PyTorch; the paper uses a separate schedule
 * multiplier {@code eta_t} on both terms, which is the same thing). Defaults are PyTorch's
 * ({@code lr = 0.001, betas = (0.9, 0.999), eps = 1e-8, weight_decay = 0.01}); Keras' decay
 * default is 0.004.
 *
 * <p>The state holds the moments {@code m.<block>} and {@code v.<block>}.
 *
 * <p>Call order: {@link #start(ParameterLayout)} once per training run, then
 * {@link OptimizerState#update(double[][], double[][])} once per batch.
 *
 * @param lr the learning rate, {@code > 0} and finite
 * @param beta1 the decay rate of the first moment, in {@code [0, 1)}
 * @param beta2 the decay rate of the second moment, in {@code [0, 1)}
 * @param epsilon the denominator offset, {@code > 0} and finite
 * @param decay the decoupled weight decay per unit learning rate, applied to weight blocks only,
 *              {@code >= 0} and finite
 */
public record AdamW(double lr, double beta1, double beta2, double epsilon, double decay)
        implements Optimizer {

    /** The registered name. */
    public static final String NAME = "adamw";

    /** The learning rate: real {@code > 0}. */
    public static final ParameterSpec LR =
            ParameterSpec.real("lr", 0.001,
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

    /** The weight decay: real {@code >= 0}. */
    public static final ParameterSpec DECAY =
            ParameterSpec.real("decay", 0.01,
                    "decoupled weight decay per unit learning rate").atLeast(0);

    /** The parameters in the order of the canonical spec, as the provider declares them. */
    public static final List<ParameterSpec> PARAMETERS = List.of(LR, BETA1, BETA2, EPSILON, DECAY);

    /**
     * Checks every value against its declaration.
     *
     * @throws dev.mlp.api.spec.SpecException (an {@link IllegalArgumentException}) if a value is
     *         out of range
     */
    public AdamW {
        Hyperparameters.check(NAME, PARAMETERS, lr, beta1, beta2, epsilon, decay);
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
     *         {@code adamw(lr=0.001, beta1=0.9, beta2=0.999, epsilon=1.0E-8, decay=0.01)}
     */
    @Override
    public String toString() {
        return Hyperparameters.spec(NAME, PARAMETERS, lr, beta1, beta2, epsilon, decay);
    }

    /**
     * The run state: the two moment estimates per parameter ({@code m.<block>},
     * {@code v.<block>}) and which blocks decay.
     */
    private static final class State extends ElementwiseOptimizerState {

        private final double beta1;
        private final double beta2;
        private final double epsilon;
        private final double decay;
        private final boolean[] decays;
        private final double[][] m;
        private final double[][] v;

        /** {@code 1 - beta1^t} of the step being applied. */
        private double correction1;
        /** {@code 1 - beta2^t} of the step being applied. */
        private double correction2;
        /** {@code 1 - lr * decay} of the step being applied. */
        private double shrink;

        State(AdamW config, ParameterLayout layout) {
            super(NAME, layout, config.lr);
            this.beta1 = config.beta1;
            this.beta2 = config.beta2;
            this.epsilon = config.epsilon;
            this.decay = config.decay;
            this.decays = new boolean[layout.size()];
            for (int b = 0; b < decays.length; b++) {
                decays[b] = layout.block(b).kind() == ParameterLayout.Kind.WEIGHTS;
            }
            this.m = perBlock("m");
            this.v = perBlock("v");
        }

        @Override
        protected void prepare() {
            correction1 = 1.0 - Math.pow(beta1, stepNumber());
            correction2 = 1.0 - Math.pow(beta2, stepNumber());
            shrink = 1.0 - stepRate() * decay;
        }

        @Override
        protected void apply(int block, double[] w, double[] g, int from, int to) {
            double lr = stepRate();
            double c1 = correction1;
            double c2 = correction2;
            double s = shrink;
            double[] mb = m[block];
            double[] vb = v[block];
            boolean decayed = decays[block];
            for (int i = from; i < to; i++) {
                double gi = g[i];
                double mi = beta1 * mb[i] + (1.0 - beta1) * gi;
                double vi = beta2 * vb[i] + (1.0 - beta2) * gi * gi;
                mb[i] = mi;
                vb[i] = vi;
                double step = lr * (mi / c1) / (Math.sqrt(vi / c2) + epsilon);
                w[i] = (decayed ? w[i] * s : w[i]) - step;
            }
        }
    }

    /**
     * Provides {@link AdamW} under the name {@value AdamW#NAME}, with the parameters declared there.
     * Example spec: {@code adamw(lr=0.001, decay=0.01)}.
     */
    public static final class Provider extends DeclaredProvider<Optimizer>
            implements OptimizerProvider {

        /** Creates the provider; cheap, no work done. */
        public Provider() {
            super(AdamW.NAME, "AdamW (Loshchilov and Hutter 2019), decoupled decay on weights",
                    AdamW.PARAMETERS,
                    p -> new AdamW(p.real(AdamW.LR.name()), p.real(AdamW.BETA1.name()),
                            p.real(AdamW.BETA2.name()), p.real(AdamW.EPSILON.name()),
                            p.real(AdamW.DECAY.name())));
        }
    }
}
