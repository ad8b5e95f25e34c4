package dev.mlp.optimizers;

import dev.mlp.api.Optimizer;
import dev.mlp.api.OptimizerState;
import dev.mlp.api.ParameterLayout;
import dev.mlp.api.spec.ParameterSpec;

/**
 * AdamW, Adam with decoupled weight decay (Loshchilov and Hutter, "Decoupled Weight Decay
 * Regularization", ICLR 2019, Algorithm 2), in PyTorch's form, where the decay is multiplied by
 * the learning rate. For step {@code t = 1, 2, ...}:
 * <pre>
 * m &lt;- beta1 * m + (1 - beta1) * g
 * v &lt;- beta2 * v + (1 - beta2) * g^2
 * mHat = m / (1 - beta1^t)
 * vHat = v / (1 - beta2^t)
 * w &lt;- w * (1 - lr * decay) - lr * mHat / (sqrt(vHat) + epsilon)     (WEIGHTS blocks)
 * w &lt;- w - lr * mHat / (sqrt(vHat) + epsilon)                        (BIASES blocks)
 * </pre>
 * The decay shrinks the weights directly instead of being added to the gradient (where Adam's
 * scaling would weaken it for parameters with large gradients), and only
 * {@link dev.mlp.api.ParameterLayout.Kind#WEIGHTS weight} blocks decay: biases are not
 * regularized. With {@code decay = 0} this is {@link Adam}. When a schedule changes the
 * learning rate the decay per step changes with it (PyTorch; the paper uses a separate schedule
 * multiplier {@code eta_t} on both terms, which is the same thing). Defaults are PyTorch's
 * ({@code lr = 0.001, betas = (0.9, 0.999), eps = 1e-8, weight_decay = 0.01}); Keras' decay
 * default is 0.004.
 *
 * <p>The state holds the moments {@code m.<block>} and {@code v.<block>}.
 *
 * <p>Call order: {@link #start(ParameterLayout)} once per training run, then
 * {@link OptimizerState#update(double[][], double[][])} once per batch.
 */
public final class AdamW implements Optimizer {

    /** The registered name. */
    public static final String NAME = "adamw";

    /** The learning rate: real {@code > 0}, default 0.001. */
    public static final ParameterSpec LR =
            ParameterSpec.real("lr", 0.001,
                    "learning rate").above(0);

    /** The decay rate of the first moment: real in {@code [0, 1)}, default 0.9. */
    public static final ParameterSpec BETA1 =
            ParameterSpec.real("beta1", 0.9,
                    "decay rate of the gradient mean").atLeast(0)
                    .below(1);

    /** The decay rate of the second moment: real in {@code [0, 1)}, default 0.999. */
    public static final ParameterSpec BETA2 =
            ParameterSpec.real("beta2", 0.999,
                    "decay rate of the squared-gradient mean").atLeast(0)
                    .below(1);

    /** The denominator offset: real {@code > 0}, default 1.0E-8. */
    public static final ParameterSpec EPSILON =
            ParameterSpec.real("epsilon", 1e-8,
                    "added to the denominator against division by 0").above(0);

    /** The weight decay: real {@code >= 0}, default 0.01. */
    public static final ParameterSpec DECAY =
            ParameterSpec.real("decay", 0.01,
                    "decoupled weight decay per unit learning rate").atLeast(0);

    private final double lr;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double decay;

    /**
     * @param lr the learning rate, {@code > 0} and finite
     * @param beta1 the decay rate of the first moment, in {@code [0, 1)}
     * @param beta2 the decay rate of the second moment, in {@code [0, 1)}
     * @param epsilon the denominator offset, {@code > 0} and finite
     * @param decay the weight decay, {@code >= 0} and finite
     * @throws dev.mlp.api.spec.SpecException (an {@link IllegalArgumentException}) if out of
     *         range
     */
    public AdamW(double lr, double beta1, double beta2, double epsilon, double decay) {
        LR.check(lr, NAME);
        BETA1.check(beta1, NAME);
        BETA2.check(beta2, NAME);
        EPSILON.check(epsilon, NAME);
        DECAY.check(decay, NAME);
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.decay = decay;
    }

    /**
     * @return the learning rate
     */
    public double lr() {
        return lr;
    }

    /**
     * @return the decay rate of the first moment
     */
    public double beta1() {
        return beta1;
    }

    /**
     * @return the decay rate of the second moment
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

    /**
     * @return the weight decay
     */
    public double decay() {
        return decay;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public OptimizerState start(ParameterLayout layout) {
        return new AdamWState(lr, beta1, beta2, epsilon, decay, layout);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AdamW o2 && Double.compare(o2.lr, lr) == 0
                && Double.compare(o2.beta1, beta1) == 0
                && Double.compare(o2.beta2, beta2) == 0
                && Double.compare(o2.epsilon, epsilon) == 0
                && Double.compare(o2.decay, decay) == 0;
    }

    @Override
    public int hashCode() {
        int h = NAME.hashCode();
        h = h * 31 + Double.hashCode(lr);
        h = h * 31 + Double.hashCode(beta1);
        h = h * 31 + Double.hashCode(beta2);
        h = h * 31 + Double.hashCode(epsilon);
        h = h * 31 + Double.hashCode(decay);
        return h;
    }

    /**
     * @return the canonical spec, for example
     *         {@code adamw(lr=0.001, beta1=0.9, beta2=0.999, epsilon=1.0E-8, decay=0.01)}
     */
    @Override
    public String toString() {
        return NAME + "(lr=" + ParameterSpec.format(lr)
                + ", beta1=" + ParameterSpec.format(beta1)
                + ", beta2=" + ParameterSpec.format(beta2)
                + ", epsilon=" + ParameterSpec.format(epsilon)
                + ", decay=" + ParameterSpec.format(decay) + ")";
    }
}
