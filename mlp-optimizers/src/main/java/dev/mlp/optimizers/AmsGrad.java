package dev.mlp.optimizers;

import dev.mlp.api.OptimizerState;
import dev.mlp.api.ParameterLayout;
import dev.mlp.api.spec.ParameterSpec;
import java.util.List;

/**
 * AMSGrad (Reddi, Kale and Kumar, "On the Convergence of Adam and Beyond", ICLR 2018,
 * Algorithm 2): Adam with the running maximum of the second moment, which keeps the effective
 * per-parameter step from growing. Bias-corrected as in PyTorch's {@code Adam(amsgrad=True)} and
 * Keras' {@code Adam(amsgrad=True)} (the paper's algorithm has no bias correction). For step
 * {@code t = 1, 2, ...}:
 * <pre>
 * m    &lt;- beta1 * m + (1 - beta1) * g
 * v    &lt;- beta2 * v + (1 - beta2) * g^2
 * vMax &lt;- max(vMax, v)
 * w    &lt;- w - lr * (m / (1 - beta1^t)) / (sqrt(vMax / (1 - beta2^t)) + epsilon)
 * </pre>
 * with {@code m, v, vMax} starting at 0; the first step equals {@link Adam}'s. Defaults are
 * Adam's in PyTorch and Keras ({@code lr = 0.001, beta1 = 0.9, beta2 = 0.999}) with PyTorch's
 * {@code epsilon = 1e-8} (Keras: {@code 1e-7}).
 *
 * <p>The state holds {@code m.<block>}, {@code v.<block>} and {@code vmax.<block>}.
 *
 * <p>Call order: {@link #start(ParameterLayout)} once per training run, then
 * {@link OptimizerState#update(double[][], double[][])} once per batch.
 */
public final class AmsGrad extends MomentEstimates {

    /** The registered name. */
    public static final String NAME = "amsgrad";

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

    /**
     * @param lr the learning rate, {@code > 0} and finite
     * @param beta1 the decay rate of the first moment, in {@code [0, 1)}
     * @param beta2 the decay rate of the second moment, in {@code [0, 1)}
     * @param epsilon the denominator offset, {@code > 0} and finite
     * @throws dev.mlp.api.spec.SpecException (an {@link IllegalArgumentException}) if out of
     *         range
     */
    public AmsGrad(double lr, double beta1, double beta2, double epsilon) {
        super(NAME, List.of(LR, BETA1, BETA2, EPSILON), lr, beta1, beta2, epsilon);
    }

    @Override
    public OptimizerState start(ParameterLayout layout) {
        return new AmsGradState(lr(), beta1(), beta2(), epsilon(), Blocks.sizes(layout));
    }
}
