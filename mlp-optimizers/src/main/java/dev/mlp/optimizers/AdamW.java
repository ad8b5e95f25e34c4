package dev.mlp.optimizers;

import dev.mlp.api.OptimizerState;
import dev.mlp.api.ParameterLayout;
import dev.mlp.api.spec.ParameterSpec;
import java.util.List;

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
public final class AdamW extends MomentEstimates {

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
        super(NAME, List.of(LR, BETA1, BETA2, EPSILON, DECAY), lr, beta1, beta2, epsilon, decay);
    }

    /**
     * @return the decoupled weight decay per unit learning rate, applied to weight blocks only
     */
    public double decay() {
        return value(4);
    }

    @Override
    public OptimizerState start(ParameterLayout layout) {
        return new AdamWState(lr(), beta1(), beta2(), epsilon(), decay(), layout);
    }
}
