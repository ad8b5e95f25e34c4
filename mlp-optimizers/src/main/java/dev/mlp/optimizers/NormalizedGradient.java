package dev.mlp.optimizers;

import dev.mlp.api.Norms;
import dev.mlp.api.Optimizer;
import dev.mlp.api.OptimizerRunState;
import dev.mlp.api.OptimizerState;
import dev.mlp.api.ParameterLayout;
import dev.mlp.api.spec.ParameterSpec;
import dev.mlp.api.spi.DeclaredProvider;
import dev.mlp.api.spi.Hyperparameters;
import dev.mlp.api.spi.OptimizerProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 *
 * @param lr the step length, {@code > 0} and finite
 * @param scope what the norm is taken over
 * @param momentum the momentum {@code mu} of the normalized direction, in {@code [0, 1)}; 0 for
 *                 none
 */
public record NormalizedGradient(double lr, Scope scope, double momentum) implements Optimizer {

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

    /** The step length: real {@code > 0}. */
    public static final ParameterSpec LR =
            ParameterSpec.real("lr", 0.01, "step length (learning rate)").above(0);

    /**
     * What the norm is taken over: {@code global} (default), {@code per-layer} or
     * {@code per-parameter}.
     */
    public static final ParameterSpec SCOPE = ParameterSpec.choice("scope", "global",
            "norm over the whole network, each layer, or each parameter (sign step)",
            "global", "per-layer", "per-parameter");

    /** The momentum of the normalized direction: real in {@code [0, 1)}. */
    public static final ParameterSpec MOMENTUM =
            ParameterSpec.real("momentum", 0.0, "decay of the accumulated normalized direction")
                    .atLeast(0).below(1);

    /** The parameters in the order of the canonical spec, as the provider declares them. */
    public static final List<ParameterSpec> PARAMETERS = List.of(LR, SCOPE, MOMENTUM);

    /**
     * Checks every value against its declaration.
     *
     * @throws dev.mlp.api.spec.SpecException (an {@link IllegalArgumentException}) if out of
     *         range
     */
    public NormalizedGradient {
        LR.check(lr, NAME);
        Objects.requireNonNull(scope, "scope");
        MOMENTUM.check(momentum, NAME);
    }

    /**
     * The seed's normalized step: global norm, no momentum.
     *
     * @param lr the length of every step, {@code > 0} and finite
     * @throws dev.mlp.api.spec.SpecException (an {@link IllegalArgumentException}) if not
     */
    public NormalizedGradient(double lr) {
        this(lr, Scope.GLOBAL, 0.0);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public OptimizerState start(ParameterLayout layout) {
        return new State(this, layout);
    }

    /**
     * @return the canonical spec, for example
     *         {@code normalized-gradient(lr=0.01, scope=global, momentum=0.0)}
     */
    @Override
    public String toString() {
        return Hyperparameters.spec(NAME, PARAMETERS, lr, scope.word(), momentum);
    }

    /**
     * The run state: the step count, the current step length and, with momentum, one velocity
     * per parameter (saved as {@code v.<block>}). Not a {@link dev.mlp.api.RangeUpdate}: the
     * global and per-layer norms span many parameters.
     */
    private static final class State extends OptimizerRunState {

        private final Scope scope;
        private final double mu;
        /** The block indices of each norm group (global: one group; per-layer: one per layer). */
        private final int[][] groups;
        /** The block sizes. */
        private final int[] sizes;
        /** The velocities, or {@code null} without momentum. */
        private final double[][] velocity;

        State(NormalizedGradient config, ParameterLayout layout) {
            super(NAME, layout, config.lr);
            this.scope = config.scope;
            this.mu = config.momentum;
            this.groups = groups(scope, layout);
            this.sizes = new int[blocks()];
            for (int b = 0; b < sizes.length; b++) {
                sizes[b] = blockSize(b);
            }
            this.velocity = mu == 0.0 ? null : perBlock("v");
        }

        private static int[][] groups(Scope scope, ParameterLayout layout) {
            if (scope == Scope.PER_LAYER) {
                Map<Integer, List<Integer>> byLayer = new LinkedHashMap<>();
                for (int b = 0; b < layout.size(); b++) {
                    byLayer.computeIfAbsent(layout.block(b).layer(), k -> new ArrayList<>())
                            .add(b);
                }
                int[][] groups = new int[byLayer.size()][];
                int k = 0;
                for (List<Integer> blocks : byLayer.values()) {
                    groups[k++] = blocks.stream().mapToInt(Integer::intValue).toArray();
                }
                return groups;
            }
            return new int[][] {Norms.all(layout.size())};
        }

        @Override
        public void update(double[][] parameters, double[][] gradients) {
            checkArrays(parameters, gradients);
            double lr = learningRate();
            if (scope == Scope.PER_PARAMETER) {
                perParameter(lr, parameters, gradients);
            } else {
                for (int[] group : groups) {
                    normalized(lr, group, parameters, gradients);
                }
            }
            countStep();
        }

        private void normalized(double lr, int[] group, double[][] parameters,
                                double[][] gradients) {
            double max = Norms.maxAbs(sizes, gradients, group);
            // g / ||g|| = (s g) / ||s g|| for the power-of-two scale s, which keeps the sum of
            // squares clear of overflow and underflow. A NaN or infinite gradient makes the norm
            // non-finite, and IEEE arithmetic then turns the affected parameters into NaN, so
            // the divergence is visible to the trainer rather than hidden. A zero gradient has
            // no direction: no step (but the velocity, if any, still carries the parameters on).
            if (velocity == null) {
                if (max != 0.0) {
                    double scale = Norms.scale(max);
                    double unit = lr / Norms.scaledNorm(sizes, gradients, group, scale);
                    for (int b : group) {
                        double[] w = parameters[b];
                        double[] g = gradients[b];
                        for (int i = 0, n = sizes[b]; i < n; i++) {
                            w[i] -= unit * (g[i] * scale);
                        }
                    }
                }
                return;
            }
            double scale = max == 0.0 ? 1.0 : Norms.scale(max);
            double norm = max == 0.0 ? 0.0 : Norms.scaledNorm(sizes, gradients, group, scale);
            for (int b : group) {
                double[] w = parameters[b];
                double[] g = gradients[b];
                double[] v = velocity[b];
                for (int i = 0, n = sizes[b]; i < n; i++) {
                    double u = max == 0.0 ? 0.0 : (g[i] * scale) / norm;
                    double vi = mu * v[i] + u;
                    v[i] = vi;
                    w[i] -= lr * vi;
                }
            }
        }

        private void perParameter(double lr, double[][] parameters, double[][] gradients) {
            for (int b = 0; b < sizes.length; b++) {
                double[] w = parameters[b];
                double[] g = gradients[b];
                double[] v = velocity == null ? null : velocity[b];
                for (int i = 0, n = sizes[b]; i < n; i++) {
                    double gi = g[i];
                    // g / |g|, not Math.signum: an infinite entry gives NaN, not a finite step
                    double u = gi == 0.0 ? 0.0 : gi / Math.abs(gi);
                    if (v == null) {
                        w[i] -= lr * u;
                    } else {
                        double vi = mu * v[i] + u;
                        v[i] = vi;
                        w[i] -= lr * vi;
                    }
                }
            }
        }
    }

    /**
     * Provides {@link NormalizedGradient} under the name {@value NormalizedGradient#NAME}, with the
     * parameters declared there.
     */
    public static final class Provider extends DeclaredProvider<Optimizer>
            implements OptimizerProvider {

        /** Creates the provider; cheap, no work done. */
        public Provider() {
            super(NormalizedGradient.NAME, "fixed-length step w <- w - lr * g / ||g||, norm over the "
                    + "network, each layer or each parameter, optional momentum",
                    NormalizedGradient.PARAMETERS,
                    p -> new NormalizedGradient(p.real(NormalizedGradient.LR.name()),
                            NormalizedGradient.Scope.of(p.choice(NormalizedGradient.SCOPE.name())),
                            p.real(NormalizedGradient.MOMENTUM.name())));
        }
    }
}
