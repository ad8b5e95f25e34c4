package dev.mlp.optimizers;

import dev.mlp.api.Optimizer;
import dev.mlp.api.OptimizerState;
import dev.mlp.api.ParameterLayout;
import dev.mlp.api.spec.ParameterSpec;

/**
 * Plain (stochastic) gradient descent: {@code w <- w - lr * g}, the update
 * {@code w_new = w_old - eta * dC/dw} of the seed documents (Robbins and Monro, 1951, for the
 * stochastic setting).
 *
 * <p>Whether the step is stochastic, mini-batch or full-batch depends only on the batch strategy
 * that produced {@code g}. The state holds nothing but the step count.
 *
 * <p>Call order: {@link #start(ParameterLayout)} once per training run, then
 * {@link OptimizerState#update(double[][], double[][])} once per batch.
 */
public final class Sgd implements Optimizer {

    /** The registered name. */
    public static final String NAME = "sgd";

    /** The learning rate: real {@code > 0}, default 0.01. */
    public static final ParameterSpec LR =
            ParameterSpec.real("lr", 0.01, "learning rate").above(0);

    private final double lr;

    /**
     * @param lr the learning rate, {@code > 0} and finite
     * @throws dev.mlp.api.spec.SpecException (an {@link IllegalArgumentException}) if not
     */
    public Sgd(double lr) {
        LR.check(lr, NAME);
        this.lr = lr;
    }

    /**
     * @return the learning rate
     */
    public double lr() {
        return lr;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public OptimizerState start(ParameterLayout layout) {
        return new SgdState(lr, Blocks.sizes(layout));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sgd s && Double.compare(s.lr, lr) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(lr);
    }

    /**
     * @return the canonical spec, for example {@code sgd(lr=0.01)}
     */
    @Override
    public String toString() {
        return NAME + "(lr=" + ParameterSpec.format(lr) + ")";
    }
}
