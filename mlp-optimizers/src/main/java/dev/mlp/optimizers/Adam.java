package dev.mlp.optimizers;

import dev.mlp.api.Optimizer;
import dev.mlp.api.OptimizerState;
import dev.mlp.api.ParameterLayout;
import dev.mlp.api.spec.ParameterSpec;

/**
 * Adam, adaptive moment estimation (Kingma and Ba, "Adam: A Method for Stochastic
 * Optimization", ICLR 2015, Algorithm 1), with bias correction. For step {@code t = 1, 2, ...}:
 * <pre>
 * m &lt;- beta1 * m + (1 - beta1) * g
 * v &lt;- beta2 * v + (1 - beta2) * g^2
 * mHat = m / (1 - beta1^t)
 * vHat = v / (1 - beta2^t)
 * w &lt;- w - lr * mHat / (sqrt(vHat) + epsilon)
 * </pre>
 * with {@code m} and {@code v} starting at 0. The bias correction makes the first step move each
 * parameter by {@code lr * g / (|g| + epsilon)}, i.e. about {@code lr * sign(g)}; in general each
 * step is at most about {@code lr} per parameter, whatever the scale of the gradient.
 * {@code epsilon} is added to {@code sqrt(vHat)}, as in the paper's Algorithm 1 (not inside the
 * square root).
 *
 * <p>{@link #start(ParameterLayout)} allocates the two moment vectors; nothing is allocated per
 * update.
 *
 * <p>Call order: {@link #start(ParameterLayout)} once per training run, then
 * {@link OptimizerState#update(double[][], double[][])} once per batch.
 */
public final class Adam implements Optimizer {

    /** The registered name. */
    public static final String NAME = "adam";

    /** The learning rate (step size alpha of the paper): real {@code > 0}, default 0.001. */
    public static final ParameterSpec LR =
            ParameterSpec.real("lr", 0.001, "learning rate (step size)").above(0);

    /** The decay rate of the first moment: real in {@code [0, 1)}, default 0.9. */
    public static final ParameterSpec BETA1 =
            ParameterSpec.real("beta1", 0.9, "decay rate of the gradient mean").atLeast(0)
                    .below(1);

    /** The decay rate of the second moment: real in {@code [0, 1)}, default 0.999. */
    public static final ParameterSpec BETA2 =
            ParameterSpec.real("beta2", 0.999, "decay rate of the squared-gradient mean")
                    .atLeast(0).below(1);

    /** The denominator offset: real {@code > 0}, default 1e-8. */
    public static final ParameterSpec EPSILON =
            ParameterSpec.real("epsilon", 1e-8, "added to sqrt(vHat) against division by 0")
                    .above(0);

    private final double lr;
    private final double beta1;
    private final double beta2;
    private final double epsilon;

    /**
     * @param lr the learning rate, {@code > 0} and finite
     * @param beta1 the first-moment decay, in {@code [0, 1)}
     * @param beta2 the second-moment decay, in {@code [0, 1)}
     * @param epsilon the denominator offset, {@code > 0} and finite
     * @throws dev.mlp.api.spec.SpecException (an {@link IllegalArgumentException}) if out of
     *         range
     */
    public Adam(double lr, double beta1, double beta2, double epsilon) {
        LR.check(lr, NAME);
        BETA1.check(beta1, NAME);
        BETA2.check(beta2, NAME);
        EPSILON.check(epsilon, NAME);
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    /**
     * @return the learning rate
     */
    public double lr() {
        return lr;
    }

    /**
     * @return the first-moment decay rate
     */
    public double beta1() {
        return beta1;
    }

    /**
     * @return the second-moment decay rate
     */
    public double beta2() {
        return beta2;
    }

    /**
     * @return the denominator offset
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
        return new AdamState(lr, beta1, beta2, epsilon, Blocks.sizes(layout));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Adam a && Double.compare(a.lr, lr) == 0
                && Double.compare(a.beta1, beta1) == 0 && Double.compare(a.beta2, beta2) == 0
                && Double.compare(a.epsilon, epsilon) == 0;
    }

    @Override
    public int hashCode() {
        int h = Double.hashCode(lr);
        h = h * 31 + Double.hashCode(beta1);
        h = h * 31 + Double.hashCode(beta2);
        return h * 31 + Double.hashCode(epsilon);
    }

    /**
     * @return the canonical spec, for example
     *         {@code adam(lr=0.001, beta1=0.9, beta2=0.999, epsilon=1.0E-8)}
     */
    @Override
    public String toString() {
        return NAME + "(lr=" + ParameterSpec.format(lr) + ", beta1=" + ParameterSpec.format(beta1)
                + ", beta2=" + ParameterSpec.format(beta2) + ", epsilon="
                + ParameterSpec.format(epsilon) + ")";
    }
}
