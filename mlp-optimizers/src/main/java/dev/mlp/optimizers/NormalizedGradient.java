package dev.mlp.optimizers;

import dev.mlp.api.Optimizer;
import dev.mlp.api.OptimizerState;
import dev.mlp.api.ParameterLayout;
import dev.mlp.api.spec.ParameterSpec;
import java.util.Locale;
import java.util.Objects;

/**
 * Normalized gradient descent: a step of fixed length {@code lr} against the gradient,
 * {@code w <- w - lr * g / ||g||}, optionally per layer or per parameter and with momentum.
 *
 * <p>This is the update of seed document 002 ("Deep Learning Neural Networks", example "Neural
 * network with hidden layers with multiple neurons"):
 * {@code w_new = w_old - h * grad J(w) / ||grad J(w)||}, where {@code w} is the vector of
 * <em>all</em> the network's weights and biases. Accordingly {@code ||g||} is the Euclidean norm
 * of the whole gradient, taken over all blocks together, not per block; the parameter vector as a
 * whole moves by exactly {@code lr} (up to rounding) in every step.
 *
 * <p>{@code scope} chooses what {@code ||g||} is taken over:
 * <ul>
 *   <li>{@code global} (the default, the seed's update): one norm over all blocks of the
 *       network, {@code u = g / ||g||};</li>
 *   <li>{@code per-layer}: one norm per layer, over that layer's weights and biases together,
 *       {@code u_l = g_l / ||g_l||}; every layer's parameters move by {@code lr};</li>
 *   <li>{@code per-parameter}: every scalar is divided by its own magnitude,
 *       {@code u_i = g_i / |g_i|}, i.e. a sign step {@code lr * sign(g_i)} (as in signSGD,
 *       Bernstein et al., ICML 2018).</li>
 * </ul>
 *
 * <p>{@code momentum} {@code mu} in {@code [0, 1)} (default 0, none) accumulates the normalized
 * direction, not the raw gradient, in the form of PyTorch's {@code SGD}:
 * <pre>
 * v &lt;- mu * v + u
 * w &lt;- w - lr * v
 * </pre>
 * with {@code v} starting at 0. With {@code mu = 0} there is no velocity and the step is
 * {@code w <- w - (lr / ||g||) * g}, computed exactly as before momentum and scopes existed.
 *
 * <ul>
 *   <li>Zero gradient: if a norm is 0 (or, per parameter, {@code g_i = 0}) the direction is
 *       undefined and taken as 0: without momentum the parameters it covers stay unchanged (the
 *       update still counts as a step); with momentum they still move by {@code lr * mu * v}.
 *       </li>
 *   <li>The norm is computed without overflow or underflow: a plain sum of squares when the
 *       largest component is in {@code [2^-480, 2^480]}, otherwise of the components scaled by
 *       a power of two (exactly) so that the largest is near 1, as in LAPACK's {@code dnrm2};
 *       the direction {@code g / ||g||} is then taken in the scaled space. A gradient of
 *       {@code 1e-200}, {@code 1e200} or even {@link Double#MIN_VALUE} in every component still
 *       gives a step of length {@code lr}.</li>
 *   <li>A non-finite gradient is not hidden: it turns parameters into {@code NaN} (as it would
 *       with {@link Sgd}), so the trainer's divergence check stops the run; it is not skipped
 *       like a zero gradient. (With {@code global} scope all parameters, with {@code per-layer}
 *       those of the layer, with {@code per-parameter} the affected one.)</li>
 * </ul>
 *
 * <p>Call order: {@link #start(ParameterLayout)} once per training run, then
 * {@link OptimizerState#update(double[][], double[][])} once per batch.
 */
public final class NormalizedGradient implements Optimizer {

    /** The registered name. */
    public static final String NAME = "normalized-gradient";

    /** What the gradient norm is taken over. */
    public enum Scope {
        /** One norm over the whole network. */
        GLOBAL,
        /** One norm per layer, over its weights and biases. */
        PER_LAYER,
        /** Every scalar on its own: a sign step. */
        PER_PARAMETER;

        /**
         * @return the word used in specs, for example {@code per-layer}
         */
        public String word() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /**
         * @param word a spec word: {@code global}, {@code per-layer} or {@code per-parameter}
         * @return the scope
         * @throws IllegalArgumentException if the word is none of them
         */
        public static Scope of(String word) {
            for (Scope s : values()) {
                if (s.word().equals(word)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("scope of '" + NAME
                    + "' must be one of global, per-layer, per-parameter, found '" + word + "'");
        }
    }

    /** The step length: real {@code > 0}, default 0.01. */
    public static final ParameterSpec LR =
            ParameterSpec.real("lr", 0.01, "step length (learning rate)").above(0);

    /**
     * What the norm is taken over: {@code global} (default), {@code per-layer} or
     * {@code per-parameter}.
     */
    public static final ParameterSpec SCOPE = ParameterSpec.choice("scope", "global",
            "norm over the whole network, each layer, or each parameter (sign step)",
            "global", "per-layer", "per-parameter");

    /** The momentum of the normalized direction: real in {@code [0, 1)}, default 0 (none). */
    public static final ParameterSpec MOMENTUM =
            ParameterSpec.real("momentum", 0.0, "decay of the accumulated normalized direction")
                    .atLeast(0).below(1);

    private final double lr;
    private final Scope scope;
    private final double momentum;

    /**
     * The seed's normalized step: global norm, no momentum.
     *
     * @param lr the length of every step, {@code > 0} and finite
     * @throws dev.mlp.api.spec.SpecException (an {@link IllegalArgumentException}) if not
     */
    public NormalizedGradient(double lr) {
        this(lr, Scope.GLOBAL, 0.0);
    }

    /**
     * @param lr the step length, {@code > 0} and finite
     * @param scope what the norm is taken over
     * @param momentum the momentum {@code mu}, in {@code [0, 1)}; 0 for none
     * @throws dev.mlp.api.spec.SpecException (an {@link IllegalArgumentException}) if out of
     *         range
     */
    public NormalizedGradient(double lr, Scope scope, double momentum) {
        LR.check(lr, NAME);
        Objects.requireNonNull(scope, "scope");
        MOMENTUM.check(momentum, NAME);
        this.lr = lr;
        this.scope = scope;
        this.momentum = momentum;
    }

    /**
     * @return the step length
     */
    public double lr() {
        return lr;
    }

    /**
     * @return what the norm is taken over
     */
    public Scope scope() {
        return scope;
    }

    /**
     * @return the momentum of the normalized direction, 0 for none
     */
    public double momentum() {
        return momentum;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public OptimizerState start(ParameterLayout layout) {
        return new NormalizedGradientState(lr, scope, momentum, layout);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NormalizedGradient s && Double.compare(s.lr, lr) == 0
                && s.scope == scope && Double.compare(s.momentum, momentum) == 0;
    }

    @Override
    public int hashCode() {
        return (Double.hashCode(lr) * 31 + scope.hashCode()) * 31 + Double.hashCode(momentum);
    }

    /**
     * @return the canonical spec, for example
     *         {@code normalized-gradient(lr=0.01, scope=global, momentum=0.0)}
     */
    @Override
    public String toString() {
        return NAME + "(lr=" + ParameterSpec.format(lr) + ", scope=" + scope.word()
                + ", momentum=" + ParameterSpec.format(momentum) + ")";
    }
}
