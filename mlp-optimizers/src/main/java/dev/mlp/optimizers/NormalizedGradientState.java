package dev.mlp.optimizers;

import dev.mlp.api.OptimizerState;

/** The run state of {@link NormalizedGradient}: only the step count. */
final class NormalizedGradientState implements OptimizerState {

    private final double lr;
    private final int[] sizes;
    private long steps;

    NormalizedGradientState(double lr, int[] sizes) {
        this.lr = lr;
        this.sizes = sizes;
    }

    @Override
    public void update(double[][] parameters, double[][] gradients) {
        Blocks.check(NormalizedGradient.NAME, sizes, parameters, gradients);
        double max = NormalizedGradient.maxAbs(sizes, gradients);
        if (max == 0.0) {
            // zero gradient: no direction, no step
        } else if (!Double.isFinite(max)) {
            // NaN or infinite gradient: apply the formula as IEEE arithmetic gives it, so the
            // non-finite entries turn their parameters into NaN and divergence is visible
            for (int b = 0; b < sizes.length; b++) {
                double[] w = parameters[b];
                double[] g = gradients[b];
                for (int i = 0, n = sizes[b]; i < n; i++) {
                    w[i] -= lr * (g[i] / max);
                }
            }
        } else {
            // g / ||g|| = (s g) / ||s g|| for the power-of-two scale s; ||s g|| is in
            // [2^-480, 2^480 sqrt(n)] (fast path) or in [1, 2 sqrt(n)] (scaled path)
            double scale = NormalizedGradient.scale(max);
            double norm = NormalizedGradient.scaledNorm(sizes, gradients, scale);
            double unit = lr / norm;
            if (Double.isFinite(unit)) {
                for (int b = 0; b < sizes.length; b++) {
                    double[] w = parameters[b];
                    double[] g = gradients[b];
                    for (int i = 0, n = sizes[b]; i < n; i++) {
                        w[i] -= unit * (g[i] * scale);
                    }
                }
            } else {
                // lr / norm overflowed (an lr beyond 2^543 in the fast path): take the unit
                // direction first, |s g_i| / ||s g|| <= 1
                for (int b = 0; b < sizes.length; b++) {
                    double[] w = parameters[b];
                    double[] g = gradients[b];
                    for (int i = 0, n = sizes[b]; i < n; i++) {
                        w[i] -= lr * (g[i] * scale / norm);
                    }
                }
            }
        }
        steps++;
    }

    @Override
    public long steps() {
        return steps;
    }
}
