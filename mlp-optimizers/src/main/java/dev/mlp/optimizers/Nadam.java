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
 * NAdam, Adam with Nesterov momentum (Dozat, "Incorporating Nesterov Momentum into Adam", ICLR
 * 2016 workshop, Algorithm 2), in the formulation of PyTorch's {@code NAdam}, including its
 * momentum schedule {@code mu_t = beta1 * (1 - 0.5 * 0.96^(t * psi))} with
 * {@code psi = momentum-decay}. For step {@code t = 1, 2, ...}:
 * <pre>
 * mu_t    = beta1 * (1 - 0.5 * 0.96^(t * psi))
 * mu_t+1  = beta1 * (1 - 0.5 * 0.96^((t + 1) * psi))
 * P_t     = mu_1 * mu_2 * ... * mu_t                       (P_0 = 1)
 * m &lt;- beta1 * m + (1 - beta1) * g
 * v &lt;- beta2 * v + (1 - beta2) * g^2
 * d  = sqrt(v / (1 - beta2^t)) + epsilon
 * w &lt;- w - lr * (1 - mu_t) / (1 - P_t) * g / d - lr * mu_t+1 / (1 - P_t * mu_t+1) * m / d
 * </pre>
 * with {@code m} and {@code v} starting at 0. As in PyTorch, {@code m} decays with
 * {@code beta1}, not with {@code mu_t}. Defaults are PyTorch's ({@code lr = 0.002, betas =
 * (0.9, 0.999), eps = 1e-8, momentum_decay = 0.004}); {@code psi = 0} makes
 * {@code mu_t = beta1 / 2} (PyTorch's behaviour too), not a constant {@code beta1}.
 *
 * <p>The state holds {@code m.<block>}, {@code v.<block>} and the product {@code mu-product}
 * ({@code P_t}, one number).
 *
 * <p>Call order: {@link #start(ParameterLayout)} once per training run, then
 * {@link OptimizerState#update(double[][], double[][])} once per batch.
 *
 * @param lr the learning rate, {@code > 0} and finite
 * @param beta1 the decay rate of the first moment, in {@code [0, 1)}
 * @param beta2 the decay rate of the second moment, in {@code [0, 1)}
 * @param epsilon the denominator offset, {@code > 0} and finite
 * @param momentumDecay psi of the momentum schedule, {@code >= 0} and finite
 */
public record Nadam(double lr, double beta1, double beta2, double epsilon, double momentumDecay)
        implements Optimizer {

    /** The registered name. */
    public static final String NAME = "nadam";

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

    /** The momentum decay psi: real {@code >= 0}. */
    public static final ParameterSpec MOMENTUM_DECAY =
            ParameterSpec.real("momentum-decay", 0.004,
                    "psi of the momentum schedule").atLeast(0);

    /** The parameters in the order of the canonical spec, as the provider declares them. */
    public static final List<ParameterSpec> PARAMETERS = List.of(LR, BETA1, BETA2, EPSILON,
            MOMENTUM_DECAY);

    /**
     * Checks every value against its declaration.
     *
     * @throws dev.mlp.api.spec.SpecException (an {@link IllegalArgumentException}) if a value is
     *         out of range
     */
    public Nadam {
        Hyperparameters.check(NAME, PARAMETERS, lr, beta1, beta2, epsilon, momentumDecay);
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
     *         {@code nadam(lr=0.002, beta1=0.9, beta2=0.999, epsilon=1.0E-8, momentum-decay=0.004)}
     */
    @Override
    public String toString() {
        return Hyperparameters.spec(NAME, PARAMETERS, lr, beta1, beta2, epsilon, momentumDecay);
    }

    /**
     * The run state: the moments {@code m.<block>}, {@code v.<block>} per parameter and the
     * product of the momentum schedule, {@code mu-product}.
     */
    private static final class State extends ElementwiseOptimizerState {

        private final double beta1;
        private final double beta2;
        private final double epsilon;
        private final double psi;
        private final double[][] m;
        private final double[][] v;
        /** {@code P_t}, the product {@code mu_1 ... mu_t}; 1 before the first step. */
        private final double[] muProduct = register("mu-product", new double[] {1.0});

        /** {@code P_t} of the step being applied, saved by {@link #finish()}. */
        private double product;
        /** {@code 1 - beta2^t} of the step being applied. */
        private double correction2;
        /** The gradient's coefficient, {@code lr (1 - mu_t) / (1 - P_t)}, of this step. */
        private double gradientRate;
        /** The moment's coefficient, {@code lr mu_(t+1) / (1 - P_(t+1))}, of this step. */
        private double momentRate;

        State(Nadam config, ParameterLayout layout) {
            super(NAME, layout, config.lr);
            this.beta1 = config.beta1;
            this.beta2 = config.beta2;
            this.epsilon = config.epsilon;
            this.psi = config.momentumDecay;
            this.m = perBlock("m");
            this.v = perBlock("v");
        }

        @Override
        protected void prepare() {
            long t = stepNumber();
            double lr = stepRate();
            double mu = beta1 * (1.0 - 0.5 * Math.pow(0.96, t * psi));
            double muNext = beta1 * (1.0 - 0.5 * Math.pow(0.96, (t + 1) * psi));
            product = muProduct[0] * mu;
            double productNext = product * muNext;
            correction2 = 1.0 - Math.pow(beta2, t);
            gradientRate = lr * (1.0 - mu) / (1.0 - product);
            momentRate = lr * muNext / (1.0 - productNext);
        }

        @Override
        protected void apply(int block, double[] w, double[] g, int from, int to) {
            double c2 = correction2;
            double gr = gradientRate;
            double mr = momentRate;
            double[] mb = m[block];
            double[] vb = v[block];
            for (int i = from; i < to; i++) {
                double gi = g[i];
                double mi = beta1 * mb[i] + (1.0 - beta1) * gi;
                double vi = beta2 * vb[i] + (1.0 - beta2) * gi * gi;
                mb[i] = mi;
                vb[i] = vi;
                double d = Math.sqrt(vi / c2) + epsilon;
                w[i] -= gr * gi / d + mr * mi / d;
            }
        }

        @Override
        protected void finish() {
            muProduct[0] = product;
        }
    }

    /**
     * Provides {@link Nadam} under the name {@value Nadam#NAME}, with the parameters declared there.
     * Example spec: {@code nadam(lr=0.002)}.
     */
    public static final class Provider extends DeclaredProvider<Optimizer>
            implements OptimizerProvider {

        /** Creates the provider; cheap, no work done. */
        public Provider() {
            super(Nadam.NAME, "NAdam (Dozat 2016, PyTorch formulation): Adam with Nesterov momentum",
                    Nadam.PARAMETERS,
                    p -> new Nadam(p.real(Nadam.LR.name()), p.real(Nadam.BETA1.name()),
                            p.real(Nadam.BETA2.name()), p.real(Nadam.EPSILON.name()),
                            p.real(Nadam.MOMENTUM_DECAY.name())));
        }
    }
}
