package dev.mlp.optimizers;

import dev.mlp.api.Optimizer;
import dev.mlp.api.OptimizerState;
import dev.mlp.api.ParameterLayout;
import dev.mlp.api.spec.ParameterSpec;

/**
 * Gradient descent with Nesterov's accelerated momentum, in the form that needs only the
 * gradient at the current parameters (Bengio, Boulanger-Lewandowski and Pascanu, "Advances in
 * optimizing recurrent networks", ICASSP 2013, eq. 6 and 7; Sutskever et al., ICML 2013, sec.
 * 2.1, for the look-ahead form it rewrites):
 * <pre>
 * v &lt;- mu * v - lr * g
 * w &lt;- w + mu * v - lr * g
 * </pre>
 * with the velocity {@code v} (after its update) starting at 0. This is Keras'
 * {@code SGD(momentum=mu, nesterov=True)}; PyTorch's {@code SGD(nesterov=True)} keeps
 * {@code b = -v / lr} instead and gives the same steps while the learning rate is constant. The
 * first step is {@code (1 + mu)} times the {@link Sgd} step. Defaults: {@code lr = 0.01} (Keras'
 * default; PyTorch has none) and {@code mu = 0.9}.
 *
 * <p>Call order: {@link #start(ParameterLayout)} once per training run, then
 * {@link OptimizerState#update(double[][], double[][])} once per batch.
 */
public final class Nesterov implements Optimizer {

    /** The registered name. */
    public static final String NAME = "nesterov";

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
    public Nesterov(double lr, double mu) {
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
        return new NesterovState(lr, mu, Blocks.sizes(layout));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Nesterov m && Double.compare(m.lr, lr) == 0
                && Double.compare(m.mu, mu) == 0;
    }

    @Override
    public int hashCode() {
        return (Double.hashCode(lr) * 31 + Double.hashCode(mu)) ^ NAME.hashCode();
    }

    /**
     * @return the canonical spec, for example {@code nesterov(lr=0.01, mu=0.9)}
     */
    @Override
    public String toString() {
        return NAME + "(lr=" + ParameterSpec.format(lr) + ", mu=" + ParameterSpec.format(mu) + ")";
    }
}
