package dev.mlp.optimizers;

import dev.mlp.api.Optimizer;
import dev.mlp.api.OptimizerState;
import dev.mlp.api.ParameterLayout;
import dev.mlp.api.spec.ParameterSpec;

/**
 * RMSprop (Tieleman and Hinton, "Lecture 6.5 - rmsprop", COURSERA: Neural Networks for Machine
 * Learning, 2012):
 * <pre>
 * v &lt;- rho * v + (1 - rho) * g^2
 * w &lt;- w - lr * g / (sqrt(v) + epsilon)
 * </pre>
 * with {@code v} starting at 0 and no bias correction (so the first steps are larger than
 * {@code lr}: the first is {@code lr * g / (sqrt(1 - rho) |g| + epsilon)}, about
 * {@code 3.16 lr} for {@code rho = 0.9}). {@code epsilon} is added outside the square root as in
 * PyTorch's {@code RMSprop} (non-centered, no momentum); Keras adds it inside. The defaults
 * {@code lr = 0.001, rho = 0.9} are Keras' and the lecture's (PyTorch: {@code lr = 0.01,
 * alpha = 0.99}); {@code epsilon = 1e-8} is PyTorch's (Keras: {@code 1e-7}).
 *
 * <p>The state holds one mean square per parameter, saved as {@code v.<block>}.
 *
 * <p>Call order: {@link #start(ParameterLayout)} once per training run, then
 * {@link OptimizerState#update(double[][], double[][])} once per batch.
 */
public final class RmsProp implements Optimizer {

    /** The registered name. */
    public static final String NAME = "rmsprop";

    /** The learning rate: real {@code > 0}, default 0.001. */
    public static final ParameterSpec LR =
            ParameterSpec.real("lr", 0.001,
                    "learning rate").above(0);

    /** The decay rate of the mean square: real in {@code [0, 1)}, default 0.9. */
    public static final ParameterSpec RHO =
            ParameterSpec.real("rho", 0.9,
                    "decay rate of the squared-gradient mean").atLeast(0)
                    .below(1);

    /** The denominator offset: real {@code > 0}, default 1.0E-8. */
    public static final ParameterSpec EPSILON =
            ParameterSpec.real("epsilon", 1e-8,
                    "added to sqrt(v) against division by 0").above(0);

    private final double lr;
    private final double rho;
    private final double epsilon;

    /**
     * @param lr the learning rate, {@code > 0} and finite
     * @param rho the decay rate of the mean square, in {@code [0, 1)}
     * @param epsilon the denominator offset, {@code > 0} and finite
     * @throws dev.mlp.api.spec.SpecException (an {@link IllegalArgumentException}) if out of
     *         range
     */
    public RmsProp(double lr, double rho, double epsilon) {
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
     * @return the decay rate of the mean square
     */
    public double rho() {
        return rho;
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
        return new RmsPropState(lr, rho, epsilon, Blocks.sizes(layout));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RmsProp o2 && Double.compare(o2.lr, lr) == 0
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
     *         {@code rmsprop(lr=0.001, rho=0.9, epsilon=1.0E-8)}
     */
    @Override
    public String toString() {
        return NAME + "(lr=" + ParameterSpec.format(lr)
                + ", rho=" + ParameterSpec.format(rho)
                + ", epsilon=" + ParameterSpec.format(epsilon) + ")";
    }
}
