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
        if (max != 0.0) {
            // g / ||g|| = (s g) / ||s g|| for the power-of-two scale s, which keeps the sum of
            // squares clear of overflow and underflow. A NaN or infinite gradient makes the norm
            // non-finite, and IEEE arithmetic then turns the affected parameters into NaN, so
            // the divergence is visible to the trainer rather than hidden. A zero gradient has
            // no direction: no step.
            double scale = NormalizedGradient.scale(max);
            double unit = lr / NormalizedGradient.scaledNorm(sizes, gradients, scale);
            for (int b = 0; b < sizes.length; b++) {
                double[] w = parameters[b];
                double[] g = gradients[b];
                for (int i = 0, n = sizes[b]; i < n; i++) {
                    w[i] -= unit * (g[i] * scale);
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
