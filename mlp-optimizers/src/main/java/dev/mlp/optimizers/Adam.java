package dev.mlp.optimizers;

import dev.mlp.api.OptimizerState;
import dev.mlp.api.ParameterLayout;
import dev.mlp.api.spec.ParameterSpec;
import java.util.List;

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
public final class Adam extends MomentEstimates {

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

    /**
     * @param lr the learning rate, {@code > 0} and finite
     * @param beta1 the first-moment decay, in {@code [0, 1)}
     * @param beta2 the second-moment decay, in {@code [0, 1)}
     * @param epsilon the denominator offset, {@code > 0} and finite
     * @throws dev.mlp.api.spec.SpecException (an {@link IllegalArgumentException}) if out of
     *         range
     */
    public Adam(double lr, double beta1, double beta2, double epsilon) {
        super(NAME, List.of(LR, BETA1, BETA2, EPSILON), lr, beta1, beta2, epsilon);
    }

    @Override
    public OptimizerState start(ParameterLayout layout) {
        return new AdamState(lr(), beta1(), beta2(), epsilon(), Blocks.sizes(layout));
    }
}
