package dev.mlp.optimizers;

import dev.mlp.api.ParameterLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run state of {@link NormalizedGradient}: the step count, the current step length and, with
 * momentum, one velocity per parameter (saved as {@code v.<block>}).
 */
final class NormalizedGradientState extends RunState {

    private final NormalizedGradient.Scope scope;
    private final double mu;
    /** The block indices of each norm group (global: one group; per-layer: one per layer). */
    private final int[][] groups;
    /** The velocities, or {@code null} without momentum. */
    private final double[][] velocity;

    NormalizedGradientState(double lr, NormalizedGradient.Scope scope, double mu,
                            ParameterLayout layout) {
        super(NormalizedGradient.NAME, Blocks.sizes(layout), lr);
        this.scope = scope;
        this.mu = mu;
        this.groups = groups(scope, layout);
        this.velocity = mu == 0.0 ? null : perBlock("v");
    }

    private static int[][] groups(NormalizedGradient.Scope scope, ParameterLayout layout) {
        if (scope == NormalizedGradient.Scope.PER_LAYER) {
            Map<Integer, List<Integer>> byLayer = new LinkedHashMap<>();
            for (int b = 0; b < layout.size(); b++) {
                byLayer.computeIfAbsent(layout.block(b).layer(), k -> new ArrayList<>()).add(b);
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
        Blocks.check(name, sizes, parameters, gradients);
        if (scope == NormalizedGradient.Scope.PER_PARAMETER) {
            perParameter(parameters, gradients);
        } else {
            for (int[] group : groups) {
                normalized(group, parameters, gradients);
            }
        }
        steps++;
    }

    private void normalized(int[] group, double[][] parameters, double[][] gradients) {
        double max = Norms.maxAbs(sizes, gradients, group);
        // g / ||g|| = (s g) / ||s g|| for the power-of-two scale s, which keeps the sum of
        // squares clear of overflow and underflow. A NaN or infinite gradient makes the norm
        // non-finite, and IEEE arithmetic then turns the affected parameters into NaN, so the
        // divergence is visible to the trainer rather than hidden. A zero gradient has no
        // direction: no step (but the velocity, if any, still carries the parameters on).
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

    private void perParameter(double[][] parameters, double[][] gradients) {
        for (int b = 0; b < sizes.length; b++) {
            double[] w = parameters[b];
            double[] g = gradients[b];
            double[] v = velocity == null ? null : velocity[b];
            for (int i = 0, n = sizes[b]; i < n; i++) {
                double gi = g[i];
                // g / |g|, not Math.signum: an infinite entry gives NaN rather than a finite step
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
