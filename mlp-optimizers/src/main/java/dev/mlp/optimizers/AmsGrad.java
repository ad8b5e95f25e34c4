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
 * AMSGrad (Reddi, Kale and Kumar, "On the Convergence of Adam and Beyond", ICLR 2018,
 * Algorithm 2): Adam with the running maximum of the second moment, which keeps the effective
 * per-parameter step from growing. Bias-corrected as in PyTorch's {@code Adam(amsgrad=True)} and
 * Keras' {@code Adam(amsgrad=True)} (the paper's algorithm has no bias correction). For step
 * {@code t = 1, 2, ...}:
 * <pre>
 * m    &lt;- beta1 * m + (1 - beta1) * g
 * v    &lt;- beta2 * v + (1 - beta2) * g^2
 * vMax &lt;- max(vMax, v)
 * w    &lt;- w - lr * (m / (1 - beta1^t)) / (sqrt(vMax / (1 - beta2^t)) + epsilon)
 * </pre>
 * with {@code m, v, vMax} starting at 0; the first step equals {@link Adam}'s. Defaults are
 * Adam's in PyTorch and Keras ({@code lr = 0.001, beta1 = 0.9, beta2 = 0.999}) with PyTorch's
 * {@code epsilon = 1e-8} (Keras: {@code 1e-7}).
 *
 * <p>The state holds {@code m.<block>}, {@code v.<block>} and {@code vmax.<block>}.
 *
 * <p>Call order: {@link #start(ParameterLayout)} once per training run, then
 * {@link OptimizerState#update(double[][], double[][])} once per batch.
 *
 * @param lr the learning rate, {@code > 0} and finite
 * @param beta1 the decay rate of the first moment, in {@code [0, 1)}
 * @param beta2 the decay rate of the second moment, in {@code [0, 1)}
 * @param epsilon the denominator offset, {@code > 0} and finite
 */
public record AmsGrad(double lr, double beta1, double beta2, double epsilon) implements Optimizer {

    /** The registered name. */
    public static final String NAME = "amsgrad";

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

    /** The parameters in the order of the canonical spec, as the provider declares them. */
    public static final List<ParameterSpec> PARAMETERS = List.of(LR, BETA1, BETA2, EPSILON);

    /**
     * Checks every value against its declaration.
     *
     * @throws dev.mlp.api.spec.SpecException (an {@link IllegalArgumentException}) if a value is
     *         out of range
     */
    public AmsGrad {
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
     *         {@code amsgrad(lr=0.001, beta1=0.9, beta2=0.999, epsilon=1.0E-8)}
     */
    @Override
    public String toString() {
        return Hyperparameters.spec(NAME, PARAMETERS, lr, beta1, beta2, epsilon);
    }

    /**
     * The run state: the moments {@code m.<block>}, {@code v.<block>} and the running maximum
     * of {@code v}, {@code vmax.<block>}, per parameter.
     */
    private static final class State extends ElementwiseOptimizerState {

        private final double beta1;
        private final double beta2;
        private final double epsilon;
        private final double[][] m;
        private final double[][] v;
        private final double[][] vMax;

        /** {@code 1 - beta1^t} of the step being applied. */
        private double correction1;
        /** {@code 1 - beta2^t} of the step being applied. */
        private double correction2;

        State(AmsGrad config, ParameterLayout layout) {
            super(NAME, layout, config.lr);
            this.beta1 = config.beta1;
            this.beta2 = config.beta2;
            this.epsilon = config.epsilon;
            this.m = perBlock("m");
            this.v = perBlock("v");
            this.vMax = perBlock("vmax");
        }

        @Override
        protected void prepare() {
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
            double[] xb = vMax[block];
            for (int i = from; i < to; i++) {
                double gi = g[i];
                double mi = beta1 * mb[i] + (1.0 - beta1) * gi;
                double vi = beta2 * vb[i] + (1.0 - beta2) * gi * gi;
                double xi = Math.max(xb[i], vi);
                mb[i] = mi;
                vb[i] = vi;
                xb[i] = xi;
                w[i] -= lr * (mi / c1) / (Math.sqrt(xi / c2) + epsilon);
            }
        }
    }

    /**
     * Provides {@link AmsGrad} under the name {@value AmsGrad#NAME}, with the parameters declared
     * there. Example spec: {@code amsgrad(lr=0.001)}.
     */
    public static final class Provider extends DeclaredProvider<Optimizer>
            implements OptimizerProvider {

        /** Creates the provider; cheap, no work done. */
        public Provider() {
            super(AmsGrad.NAME, "AMSGrad (Reddi et al. 2018): Adam with the maximum of v",
                    AmsGrad.PARAMETERS,
                    p -> new AmsGrad(p.real(AmsGrad.LR.name()), p.real(AmsGrad.BETA1.name()),
                            p.real(AmsGrad.BETA2.name()), p.real(AmsGrad.EPSILON.name())));
        }
    }
}
