package dev.mlp.optimizers;

import dev.mlp.api.OptimizerState;
import dev.mlp.api.ParameterLayout;
import dev.mlp.api.spec.ParameterSpec;
import java.util.List;

/**
 * AdaMax, Adam with the infinity norm (Kingma and Ba, "Adam: A Method for Stochastic
 * Optimization", ICLR 2015, Algorithm 2), with {@code epsilon} as in PyTorch's {@code Adamax}.
 * For step {@code t = 1, 2, ...}:
 * <pre>
 * m &lt;- beta1 * m + (1 - beta1) * g
 * u &lt;- max(beta2 * u, |g| + epsilon)
 * w &lt;- w - (lr / (1 - beta1^t)) * m / u
 * </pre>
 * with {@code m} and {@code u} starting at 0. The first step is {@code lr * g / (|g| + epsilon)},
 * about {@code lr * sign(g)}. Keras adds {@code epsilon} to {@code u} in the step instead. The
 * defaults are the paper's and PyTorch's ({@code lr = 0.002, beta1 = 0.9, beta2 = 0.999,
 * eps = 1e-8}); Keras uses {@code lr = 0.001, epsilon = 1e-7}.
 *
 * <p>The state holds {@code m.<block>} and the infinity-norm estimates {@code u.<block>}.
 *
 * <p>Call order: {@link #start(ParameterLayout)} once per training run, then
 * {@link OptimizerState#update(double[][], double[][])} once per batch.
 */
public final class Adamax extends MomentEstimates {

    /** The registered name. */
    public static final String NAME = "adamax";

    /** The learning rate: real {@code > 0}, default 0.002. */
    public static final ParameterSpec LR =
            ParameterSpec.real("lr", 0.002,
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

    /**
     * @param lr the learning rate, {@code > 0} and finite
     * @param beta1 the decay rate of the first moment, in {@code [0, 1)}
     * @param beta2 the decay rate of the second moment, in {@code [0, 1)}
     * @param epsilon the denominator offset, {@code > 0} and finite
     * @throws dev.mlp.api.spec.SpecException (an {@link IllegalArgumentException}) if out of
     *         range
     */
    public Adamax(double lr, double beta1, double beta2, double epsilon) {
        super(NAME, List.of(LR, BETA1, BETA2, EPSILON), lr, beta1, beta2, epsilon);
    }

    @Override
    public OptimizerState start(ParameterLayout layout) {
        return new AdamaxState(lr(), beta1(), beta2(), epsilon(), Blocks.sizes(layout));
    }
}
