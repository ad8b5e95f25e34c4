package dev.mlp.optimizers;

import dev.mlp.api.Optimizer;
import dev.mlp.api.OptimizerState;
import dev.mlp.api.ParameterLayout;
import dev.mlp.api.spec.ParameterSpec;

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
 */
public final class Adadelta implements Optimizer {

    /** The registered name. */
    public static final String NAME = "adadelta";

    /** The learning rate: real {@code > 0}, default 1.0. */
    public static final ParameterSpec LR =
            ParameterSpec.real("lr", 1.0,
                    "learning rate").above(0);

    /** The decay rate of the accumulators: real in {@code [0, 1)}, default 0.95. */
    public static final ParameterSpec RHO =
            ParameterSpec.real("rho", 0.95,
                    "decay rate of both accumulators").atLeast(0)
                    .below(1);

    /** The offset inside the square roots: real {@code > 0}, default 1.0E-6. */
    public static final ParameterSpec EPSILON =
            ParameterSpec.real("epsilon", 1e-6,
                    "added inside both square roots").above(0);

    private final double lr;
    private final double rho;
    private final double epsilon;

    /**
     * @param lr the learning rate, {@code > 0} and finite
     * @param rho the decay rate of the accumulators, in {@code [0, 1)}
     * @param epsilon the offset inside the square roots, {@code > 0} and finite
     * @throws dev.mlp.api.spec.SpecException (an {@link IllegalArgumentException}) if out of
     *         range
     */
    public Adadelta(double lr, double rho, double epsilon) {
        LR.check(lr, NAME);
        RHO.check(rho, NAME);
        EPSILON.check(epsilon, NAME);
        this.lr = lr;
        this.rho = rho;
        this.epsilon = epsilon;
    }

    /**
     * @return the learning rate
     */
    public double lr() {
        return lr;
    }

    /**
     * @return the decay rate of the accumulators
     */
    public double rho() {
        return rho;
    }

    /**
     * @return the offset inside the square roots
     */
    public double epsilon() {
        return epsilon;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public OptimizerState start(ParameterLayout layout) {
        return new AdadeltaState(lr, rho, epsilon, Blocks.sizes(layout));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Adadelta o2 && Double.compare(o2.lr, lr) == 0
                && Double.compare(o2.rho, rho) == 0
                && Double.compare(o2.epsilon, epsilon) == 0;
    }

    @Override
    public int hashCode() {
        int h = NAME.hashCode();
        h = h * 31 + Double.hashCode(lr);
        h = h * 31 + Double.hashCode(rho);
        h = h * 31 + Double.hashCode(epsilon);
        return h;
    }

    /**
     * @return the canonical spec, for example
     *         {@code adadelta(lr=1.0, rho=0.95, epsilon=1.0E-6)}
     */
    @Override
    public String toString() {
        return NAME + "(lr=" + ParameterSpec.format(lr)
                + ", rho=" + ParameterSpec.format(rho)
                + ", epsilon=" + ParameterSpec.format(epsilon) + ")";
    }
}
