package dev.mlp.optimizers;

import dev.mlp.api.Optimizer;
import dev.mlp.api.OptimizerState;
import dev.mlp.api.ParameterLayout;
import dev.mlp.api.spec.ParameterSpec;

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
 */
public final class Adagrad implements Optimizer {

    /** The registered name. */
    public static final String NAME = "adagrad";

    /** The learning rate: real {@code > 0}, default 0.01. */
    public static final ParameterSpec LR =
            ParameterSpec.real("lr", 0.01,
                    "learning rate").above(0);

    /** The denominator offset: real {@code > 0}, default 1.0E-10. */
    public static final ParameterSpec EPSILON =
            ParameterSpec.real("epsilon", 1e-10,
                    "added to sqrt(s) against division by 0").above(0);

    private final double lr;
    private final double epsilon;

    /**
     * @param lr the learning rate, {@code > 0} and finite
     * @param epsilon the denominator offset, {@code > 0} and finite
     * @throws dev.mlp.api.spec.SpecException (an {@link IllegalArgumentException}) if out of
     *         range
     */
    public Adagrad(double lr, double epsilon) {
        LR.check(lr, NAME);
        EPSILON.check(epsilon, NAME);
        this.lr = lr;
        this.epsilon = epsilon;
    }

    /**
     * @return the learning rate
     */
    public double lr() {
        return lr;
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
        return new AdagradState(lr, epsilon, Blocks.sizes(layout));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Adagrad o2 && Double.compare(o2.lr, lr) == 0
                && Double.compare(o2.epsilon, epsilon) == 0;
    }

    @Override
    public int hashCode() {
        int h = NAME.hashCode();
        h = h * 31 + Double.hashCode(lr);
        h = h * 31 + Double.hashCode(epsilon);
        return h;
    }

    /**
     * @return the canonical spec, for example
     *         {@code adagrad(lr=0.01, epsilon=1.0E-10)}
     */
    @Override
    public String toString() {
        return NAME + "(lr=" + ParameterSpec.format(lr)
                + ", epsilon=" + ParameterSpec.format(epsilon) + ")";
    }
}
