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
 * RAdam, rectified Adam (Liu et al., "On the Variance of the Adaptive Learning Rate and Beyond",
 * ICLR 2020, Algorithm 2), in the form of PyTorch's {@code RAdam}. For step
 * {@code t = 1, 2, ...}:
 * <pre>
 * rhoInf = 2 / (1 - beta2) - 1
 * rho_t  = rhoInf - 2 t beta2^t / (1 - beta2^t)       (length of the approximated SMA)
 * m &lt;- beta1 * m + (1 - beta1) * g
 * v &lt;- beta2 * v + (1 - beta2) * g^2
 * mHat = m / (1 - beta1^t)
 * if rho_t &gt; 5:
 *     r_t = sqrt((rho_t - 4) (rho_t - 2) rhoInf / ((rhoInf - 4) (rhoInf - 2) rho_t))
 *     w &lt;- w - lr * r_t * mHat * sqrt(1 - beta2^t) / (sqrt(v) + epsilon)
 * else:
 *     w &lt;- w - lr * mHat                              (momentum SGD, un-adapted)
 * </pre>
 * While the variance of the adaptive rate is intractable (the first few steps: {@code t <= 5}
 * for {@code beta2 = 0.999}), RAdam takes plain bias-corrected momentum steps; then it takes
 * Adam's step scaled by the variance rectification {@code r_t}, which rises towards 1. This
 * replaces the warm-up Adam needs in practice. The paper's Algorithm 2 switches at
 * {@code rho_t > 4} and puts no {@code epsilon} in the adaptive rate
 * {@code sqrt((1 - beta2^t) / v)}; PyTorch (and this class) switches at {@code rho_t > 5}, where
 * {@code r_t} is better conditioned, and adds {@code epsilon} to {@code sqrt(v)}. Defaults are
 * PyTorch's.
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
 */
public record RAdam(double lr, double beta1, double beta2, double epsilon) implements Optimizer {

    /** The registered name. */
    public static final String NAME = "radam";

    /** The rectified step is taken once {@code rho_t} exceeds this (PyTorch's threshold). */
    public static final double RHO_THRESHOLD = 5.0;

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
                    "added to sqrt(v) against division by 0").above(0);

    /** The parameters in the order of the canonical spec, as the provider declares them. */
    public static final List<ParameterSpec> PARAMETERS = List.of(LR, BETA1, BETA2, EPSILON);

    /**
     * Checks every value against its declaration.
     *
     * @throws dev.mlp.api.spec.SpecException (an {@link IllegalArgumentException}) if a value is
     *         out of range
     */
    public RAdam {
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
     *         {@code radam(lr=0.001, beta1=0.9, beta2=0.999, epsilon=1.0E-8)}
     */
    @Override
    public String toString() {
        return Hyperparameters.spec(NAME, PARAMETERS, lr, beta1, beta2, epsilon);
    }

    /**
     * The run state: the two moment estimates per parameter, saved as {@code m.<block>} and
     * {@code v.<block>}.
     */
    private static final class State extends ElementwiseOptimizerState {

        private final double beta1;
        private final double beta2;
        private final double epsilon;
        private final double rhoInf;
        private final double[][] m;
        private final double[][] v;

        /** {@code 1 - beta1^t} of the step being applied. */
        private double correction1;
        /** Whether this step is rectified ({@code rho_t > 5}). */
        private boolean rectified;
        /** {@code r_t sqrt(1 - beta2^t)} of a rectified step. */
        private double adaptive;

        State(RAdam config, ParameterLayout layout) {
            super(NAME, layout, config.lr);
            this.beta1 = config.beta1;
            this.beta2 = config.beta2;
            this.epsilon = config.epsilon;
            this.rhoInf = 2.0 / (1.0 - beta2) - 1.0;
            this.m = perBlock("m");
            this.v = perBlock("v");
        }

        @Override
        protected void prepare() {
            long t = stepNumber();
            correction1 = 1.0 - Math.pow(beta1, t);
            double beta2t = Math.pow(beta2, t);
            double correction2 = 1.0 - beta2t;
            double rho = rhoInf - 2.0 * t * beta2t / correction2;
            rectified = rho > RHO_THRESHOLD;
            if (rectified) {
                double r = Math.sqrt((rho - 4.0) * (rho - 2.0) * rhoInf
                        / ((rhoInf - 4.0) * (rhoInf - 2.0) * rho));
                adaptive = r * Math.sqrt(correction2);
            }
        }

        @Override
        protected void apply(int block, double[] w, double[] g, int from, int to) {
            double lr = stepRate();
            double c1 = correction1;
            double[] mb = m[block];
            double[] vb = v[block];
            for (int i = from; i < to; i++) {
                double gi = g[i];
                double mi = beta1 * mb[i] + (1.0 - beta1) * gi;
                double vi = beta2 * vb[i] + (1.0 - beta2) * gi * gi;
                mb[i] = mi;
                vb[i] = vi;
                double mHat = mi / c1;
                if (rectified) {
                    w[i] -= lr * mHat * adaptive / (Math.sqrt(vi) + epsilon);
                } else {
                    w[i] -= lr * mHat;
                }
            }
        }
    }

    /**
     * Provides {@link RAdam} under the name {@value RAdam#NAME}, with the parameters declared
     * there.
     * Example spec: {@code radam(lr=0.001)}.
     */
    public static final class Provider extends DeclaredProvider<Optimizer>
            implements OptimizerProvider {

        /** Creates the provider; cheap, no work done. */
        public Provider() {
            super(RAdam.NAME, "RAdam (Liu et al. 2020): Adam with variance rectification",
                    RAdam.PARAMETERS,
                    p -> new RAdam(p.real(RAdam.LR.name()), p.real(RAdam.BETA1.name()),
                            p.real(RAdam.BETA2.name()), p.real(RAdam.EPSILON.name())));
        }
    }
}
