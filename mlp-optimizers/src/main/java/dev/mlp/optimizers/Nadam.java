package dev.mlp.optimizers;

import dev.mlp.api.OptimizerState;
import dev.mlp.api.ParameterLayout;
import dev.mlp.api.spec.ParameterSpec;
import java.util.List;

/**
 * NAdam, Adam with Nesterov momentum (Dozat, "Incorporating Nesterov Momentum into Adam", ICLR
 * 2016 workshop, Algorithm 2), in the formulation of PyTorch's {@code NAdam}, including its
 * momentum schedule {@code mu_t = beta1 * (1 - 0.5 * 0.96^(t * psi))} with
 * {@code psi = momentum-decay}. For step {@code t = 1, 2, ...}:
 * <pre>
 * mu_t    = beta1 * (1 - 0.5 * 0.96^(t * psi))
 * mu_t+1  = beta1 * (1 - 0.5 * 0.96^((t + 1) * psi))
 * P_t     = mu_1 * mu_2 * ... * mu_t                       (P_0 = 1)
 * m &lt;- beta1 * m + (1 - beta1) * g
 * v &lt;- beta2 * v + (1 - beta2) * g^2
 * d  = sqrt(v / (1 - beta2^t)) + epsilon
 * w &lt;- w - lr * (1 - mu_t) / (1 - P_t) * g / d - lr * mu_t+1 / (1 - P_t * mu_t+1) * m / d
 * </pre>
 * with {@code m} and {@code v} starting at 0. As in PyTorch, {@code m} decays with
 * {@code beta1}, not with {@code mu_t}. Defaults are PyTorch's ({@code lr = 0.002, betas =
 * (0.9, 0.999), eps = 1e-8, momentum_decay = 0.004}); {@code psi = 0} makes
 * {@code mu_t = beta1 / 2} (PyTorch's behaviour too), not a constant {@code beta1}.
 *
 * <p>The state holds {@code m.<block>}, {@code v.<block>} and the product {@code mu-product}
 * ({@code P_t}, one number).
 *
 * <p>Call order: {@link #start(ParameterLayout)} once per training run, then
 * {@link OptimizerState#update(double[][], double[][])} once per batch.
 */
public final class Nadam extends MomentEstimates {

    /** The registered name. */
    public static final String NAME = "nadam";

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

    /** The momentum decay psi: real {@code >= 0}, default 0.004. */
    public static final ParameterSpec MOMENTUM_DECAY =
            ParameterSpec.real("momentum-decay", 0.004,
                    "psi of the momentum schedule").atLeast(0);

    /**
     * @param lr the learning rate, {@code > 0} and finite
     * @param beta1 the decay rate of the first moment, in {@code [0, 1)}
     * @param beta2 the decay rate of the second moment, in {@code [0, 1)}
     * @param epsilon the denominator offset, {@code > 0} and finite
     * @param momentumDecay the momentum decay psi, {@code >= 0} and finite
     * @throws dev.mlp.api.spec.SpecException (an {@link IllegalArgumentException}) if out of
     *         range
     */
    public Nadam(double lr, double beta1, double beta2, double epsilon, double momentumDecay) {
        super(NAME, List.of(LR, BETA1, BETA2, EPSILON, MOMENTUM_DECAY), lr, beta1, beta2,
                epsilon, momentumDecay);
    }

    /**
     * @return the momentum decay of the momentum schedule
     */
    public double momentumDecay() {
        return value(4);
    }

    @Override
    public OptimizerState start(ParameterLayout layout) {
        return new NadamState(lr(), beta1(), beta2(), epsilon(), momentumDecay(),
                Blocks.sizes(layout));
    }
}
