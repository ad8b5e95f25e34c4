package dev.mlp.optimizers;

import dev.mlp.api.Optimizer;
import dev.mlp.api.OptimizerState;
import dev.mlp.api.ParameterLayout;
import dev.mlp.api.spec.ParameterSpec;

/**
 * Gradient descent with classical (heavy-ball) momentum (Polyak, 1964; in the form of Sutskever
 * et al., "On the importance of initialization and momentum in deep learning", ICML 2013, eq. 1
 * and 2):
 * <pre>
 * v &lt;- mu * v - lr * g
 * w &lt;- w + v
 * </pre>
 * with the velocity {@code v} starting at 0, so the first step equals the {@link Sgd} step.
 * Under a constant gradient the step tends to {@code lr / (1 - mu)} times the sgd step.
 *
 * <p>{@link #start(ParameterLayout)} allocates one velocity per parameter; nothing is allocated
 * per update.
 *
 * <p>Call order: {@link #start(ParameterLayout)} once per training run, then
 * {@link OptimizerState#update(double[][], double[][])} once per batch.
 */
public final class Momentum implements Optimizer {

    /** The registered name. */
    public static final String NAME = "momentum";

    /** The learning rate: real {@code > 0}, default 0.01. */
    public static final ParameterSpec LR =
            ParameterSpec.real("lr", 0.01, "learning rate").above(0);

    /** The momentum coefficient: real in {@code [0, 1)}, default 0.9. */
    public static final ParameterSpec MU =
            ParameterSpec.real("mu", 0.9, "momentum coefficient (velocity decay)").atLeast(0)
                    .below(1);

    private final double lr;
    private final double mu;

    /**
     * @param lr the learning rate, {@code > 0} and finite
     * @param mu the momentum coefficient, in {@code [0, 1)}; {@code 0} gives {@link Sgd}
     * @throws dev.mlp.api.spec.SpecException (an {@link IllegalArgumentException}) if out of
     *         range
     */
    public Momentum(double lr, double mu) {
        LR.check(lr, NAME);
        MU.check(mu, NAME);
        this.lr = lr;
        this.mu = mu;
    }

    /**
     * @return the learning rate
     */
    public double lr() {
        return lr;
    }

    /**
     * @return the momentum coefficient
     */
    public double mu() {
        return mu;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public OptimizerState start(ParameterLayout layout) {
        return new MomentumState(lr, mu, Blocks.sizes(layout));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Momentum m && Double.compare(m.lr, lr) == 0
                && Double.compare(m.mu, mu) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(lr) * 31 + Double.hashCode(mu);
    }

    /**
     * @return the canonical spec, for example {@code momentum(lr=0.01, mu=0.9)}
     */
    @Override
    public String toString() {
        return NAME + "(lr=" + ParameterSpec.format(lr) + ", mu=" + ParameterSpec.format(mu) + ")";
    }
}
